//! Why a file could not be read, in the interface language. `LoadError` keeps the
//! English, which the JSON gives in both languages; the Chinese is found here when the
//! reason is shown. A reason from the system (`Is a directory (os error 21)`) is shown
//! as the system gave it.

use std::borrow::Cow;

/// `message` (a `LoadError`'s) as shown in the interface language.
pub fn shown(message: &str) -> Cow<'_, str> {
    if !crate::lang::is_zh() {
        return Cow::Borrowed(message);
    }
    match zh(message) {
        Some(z) => Cow::Owned(z),
        None => Cow::Borrowed(message),
    }
}

fn zh(message: &str) -> Option<String> {
    let fixed = match message {
        "empty file" => "空文件",
        "no text (whitespace only)" => "没有文字（只有空白）",
        "binary file, not text (skipped)" => "二进制文件，不是文本（跳过）",
        "empty path (skipped)" => "空路径（跳过）",
        "not a regular file (skipped)" => "不是普通文件（跳过）",
        "no such file or directory" => "没有这个文件或文件夹",
        "permission denied" => "没有权限",
        "standard input is the terminal: pipe a speech into gangmu or name a file" => {
            "标准输入是终端：请用管道把讲话送给 gangmu，或给出文件名"
        }
        _ => "",
    };
    if !fixed.is_empty() {
        return Some(fixed.to_string());
    }
    // `more than 512 MB, over the limit (--max-size)`, `1.0 TB, over the 512 MB limit …`
    let rest = message.strip_suffix(" limit (--max-size)")?;
    if let Some(size) = rest
        .strip_prefix("more than ")
        .and_then(|r| r.strip_suffix(", over the"))
    {
        return Some(format!("大于 {size}，超过上限（--max-size）"));
    }
    let (size, limit) = rest.split_once(", over the ")?;
    Some(format!("{size}，超过 {limit} 的上限（--max-size）"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::{Lang, pin};

    #[test]
    fn known_reasons_in_chinese_and_the_rest_as_given() {
        pin(Lang::Zh);
        assert_eq!(shown("empty file"), "空文件");
        assert_eq!(
            shown("1.0 TB, over the 512 MB limit (--max-size)"),
            "1.0 TB，超过 512 MB 的上限（--max-size）"
        );
        assert_eq!(
            shown("more than 512 MB, over the limit (--max-size)"),
            "大于 512 MB，超过上限（--max-size）"
        );
        assert_eq!(
            shown("Is a directory (os error 21)"),
            "Is a directory (os error 21)"
        );
        pin(Lang::En);
        assert_eq!(shown("empty file"), "empty file");
    }
}
