//! Natural order of names: `2.txt` before `10.txt`, as file managers sort.

use std::cmp::Ordering;

/// Compares strings with digit runs as numbers: `2.txt` < `10.txt`.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    // What the two share decides nothing, except that the digit run it ends in, if it
    // does, is compared whole: the comparison starts where that run starts.
    let common = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let start = (a[..common].iter())
        .rposition(|c| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    natural_cmp_bytes(&a[start..], &b[start..])
}

fn natural_cmp_bytes(mut a: &[u8], mut b: &[u8]) -> Ordering {
    loop {
        match (a.first(), b.first()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                // Runs of one length compare as numbers digit by digit (`000123`).
                let ord = match da == db {
                    true => a[..da].cmp(&b[..db]),
                    false => {
                        let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                        (na.len().cmp(&nb.len()))
                            .then_with(|| na.cmp(nb))
                            .then(da.cmp(&db))
                    }
                };
                if ord != Ordering::Equal {
                    return ord;
                }
                a = &a[da..];
                b = &b[db..];
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(y);
                }
                a = &a[1..];
                b = &b[1..];
            }
        }
    }
}

fn trim_zeros(d: &[u8]) -> &[u8] {
    let z = d.iter().take_while(|&&c| c == b'0').count();
    &d[z..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The comparison as first written: token by token from the start.
    fn natural_cmp_reference(a: &str, b: &str) -> Ordering {
        let (mut a, mut b) = (a.as_bytes(), b.as_bytes());
        loop {
            match (a.first(), b.first()) {
                (None, None) => return Ordering::Equal,
                (None, Some(_)) => return Ordering::Less,
                (Some(_), None) => return Ordering::Greater,
                (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                    let da = a.iter().take_while(|c| c.is_ascii_digit()).count();
                    let db = b.iter().take_while(|c| c.is_ascii_digit()).count();
                    let (na, nb) = (trim_zeros(&a[..da]), trim_zeros(&b[..db]));
                    let ord = (na.len().cmp(&nb.len()))
                        .then_with(|| na.cmp(nb))
                        .then(da.cmp(&db));
                    if ord != Ordering::Equal {
                        return ord;
                    }
                    (a, b) = (&a[da..], &b[db..]);
                }
                (Some(x), Some(y)) if x != y => return x.cmp(y),
                _ => (a, b) = (&a[1..], &b[1..]),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn natural_order_is_the_token_by_token_order(a in "[0-9a._]{0,12}", b in "[0-9a._]{0,12}") {
            proptest::prop_assert_eq!(natural_cmp(&a, &b), natural_cmp_reference(&a, &b));
            let prefixed = (format!("x0{a}"), format!("x0{b}"));
            proptest::prop_assert_eq!(
                natural_cmp(&prefixed.0, &prefixed.1),
                natural_cmp_reference(&prefixed.0, &prefixed.1)
            );
        }
    }

    #[test]
    fn natural_order_puts_2_before_10() {
        let mut v = vec![
            "10.txt", "2.txt", "1.txt", "b/1.txt", "a10.txt", "a9.txt", "02.txt",
        ];
        v.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            v,
            [
                "1.txt", "2.txt", "02.txt", "10.txt", "a9.txt", "a10.txt", "b/1.txt"
            ]
        );
    }
}
