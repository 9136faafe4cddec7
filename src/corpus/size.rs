//! How much of a file or stream is read at most, and sizes as people write them.

/// The default limit: a real speech is under 1 MB, a whole year of a newspaper in one
/// file about 200 MB.
pub const DEFAULT_MAX_SIZE: u64 = 512 << 20;

/// `512M`, `1G`, `800K`, `1.5G`, `2TB`, `100000`: binary units, case aside.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let digits = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(digits);
    let value: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 512M, 1G)"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        "T" | "TB" | "TIB" => 40,
        _ => return Err(format!("`{s}`: unknown unit (use K, M, G or T)")),
    };
    let bytes = value * (1u64 << shift) as f64;
    if !bytes.is_finite() || bytes < 1.0 || bytes > u64::MAX as f64 {
        return Err(format!("`{s}` is not a usable size"));
    }
    Ok(bytes as u64)
}

/// `1.0 TB`, `512 MB`, `3.4 KB`, `17 B`: one decimal unless the value is whole.
pub fn show_size(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut v = n as f64;
    while v >= 1024.0 && unit + 1 < UNITS.len() {
        v /= 1024.0;
        unit += 1;
    }
    if unit == 0 || v.fract() == 0.0 && v < 1000.0 && unit < 4 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// The one-line reason for an input over the limit.
pub fn over_limit(size: u64, max: u64) -> String {
    format!(
        "{}, over the {} limit (--max-size)",
        show_size(size),
        show_size(max)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(parse_size("512M"), Ok(512 << 20));
        assert_eq!(parse_size("1g"), Ok(1 << 30));
        assert_eq!(parse_size("1.5G"), Ok(3 << 29));
        assert_eq!(parse_size("800 KB"), Ok(800 << 10));
        assert_eq!(parse_size("2TiB"), Ok(2 << 40));
        assert_eq!(parse_size("4096"), Ok(4096));
        for bad in ["", "M", "12X", "-1M", "0", "1e400"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sizes_shown_short() {
        assert_eq!(show_size(1 << 40), "1.0 TB");
        assert_eq!(show_size(512 << 20), "512 MB");
        assert_eq!(show_size(3 << 29), "1.5 GB");
        assert_eq!(show_size(17), "17 B");
        assert_eq!(
            over_limit(1 << 40, DEFAULT_MAX_SIZE),
            "1.0 TB, over the 512 MB limit (--max-size)"
        );
    }
}
