//! The numbers and strings of a cache entry: LEB128 varints, strings as a length and
//! their bytes.

pub struct Out(pub Vec<u8>);

impl Out {
    /// LEB128: seven bits a byte, the high bit set on all but the last.
    pub fn num(&mut self, mut v: usize) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    /// 0 for none, else the value plus one.
    pub fn opt(&mut self, v: Option<usize>) {
        self.num(v.map_or(0, |v| v + 1));
    }

    pub fn str(&mut self, s: &str) {
        self.num(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
}

pub struct In<'a>(pub &'a [u8]);

impl<'a> In<'a> {
    #[inline(always)]
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, rest) = self.0.split_at_checked(n)?;
        self.0 = rest;
        Some(head)
    }

    #[inline(always)]
    pub fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    #[inline(always)]
    pub fn num(&mut self) -> Option<usize> {
        // Most numbers are under 128: one byte.
        let (&b, rest) = self.0.split_first()?;
        if b < 0x80 {
            self.0 = rest;
            return Some(usize::from(b));
        }
        self.long_num()
    }

    fn long_num(&mut self) -> Option<usize> {
        let mut v: usize = 0;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            v |= usize::from(b & 0x7F).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
            shift += 7;
            if shift >= usize::BITS {
                return None;
            }
        }
    }

    #[inline(always)]
    pub fn opt(&mut self) -> Option<Option<usize>> {
        Some(self.num()?.checked_sub(1))
    }

    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.num()?;
        utf8(self.take(n)?)
    }
}

/// Checked as fast as the speech's text was: titles are mostly Chinese.
pub fn utf8(b: &[u8]) -> Option<&str> {
    simdutf8::basic::from_utf8(b).ok()
}
