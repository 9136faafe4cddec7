//! Why a line got its role. Each pass records its reason with its decision, so
//! `gangmu outline --explain` and the tests read what the parser did, not a second guess.

use super::chrome::{LABELS, widget_word};
use super::junk::advert_word;
use std::fmt;

/// The reason behind one line's role: two bytes and `Copy`, so every paragraph and
/// removed line carries one at no cost. Words are indexes into the parser's closed tables
/// (`junk::advert_word`, `chrome::widget_word`, `chrome::LABELS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Why {
    // Junk.
    Separator,
    PageNumber,
    Advert(u8),
    Widget(u8),
    Breadcrumb,
    Label(u8),
    /// The value on the line after a label that stands alone (`来源：` / `某某日报`).
    LabelValue(u8),
    Timestamp,
    Caption,
    Credit,
    ImageLink,
    Dateline,
    EndMark,
    PageJump,
    Citation,
    /// In the head block, before the title: adverts, column names, page headlines.
    BeforeTitle,
    /// A line naming the speaker doing the speech (`省长某某作政府工作报告`): a page
    /// headline or photo caption, not the title.
    Headline,
    /// After the page's footer began: related links, a repeated headline.
    Footer,
    /// Dropped while joining hard-wrapped rows.
    WrapNoise,

    // Head block.
    TitleMarkdown,
    TitleLabel,
    TitleAboveSubtitle,
    TitleWords,
    TitleBeforeSalutation,
    TitleFirstLine,
    /// The second line of a title split over two lines.
    TitleContinued,
    Subtitle,
    Meta,
    Salutation,

    // Nodes.
    Numbered,
    OldStyle,
    BareNumeral,
    Spaced,
    Markdown,
    /// A short line standing alone between paragraphs (§6); how many the speech has.
    StandsAlone(u16),
    /// A one-sentence line summing up the paragraph after it (§10); how many alternate.
    LeadSentence(u16),
    Point,

    // Body.
    #[default]
    Body,
    LonePoint,
    PreamblePoint,
    PreviewList,
    LoneOldStyle,
    InClosing,

    // Closing and appendix.
    ClosingAddress,
    ClosingWish,
    ClosingThanks,
    AppendixHeader,
    Appendix,
}

impl fmt::Display for Why {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Why::*;
        match *self {
            Separator => f.write_str("separator"),
            PageNumber => f.write_str("page number"),
            Advert(w) => write!(f, "advert or watermark: {}", advert_word(w)),
            Widget(w) => write!(f, "web page widget: {}", widget_word(w)),
            Breadcrumb => f.write_str("web breadcrumb"),
            Label(w) => write!(f, "web label: {}", label_word(w)),
            LabelValue(w) => write!(f, "value of the web label {} above", label_word(w)),
            Timestamp => f.write_str("web timestamp"),
            Caption => f.write_str("photo caption"),
            Credit => f.write_str("photo credit"),
            ImageLink => f.write_str("image link"),
            Dateline => f.write_str("news dateline"),
            EndMark => f.write_str("end mark"),
            PageJump => f.write_str("page-jump note"),
            Citation => f.write_str("source citation"),
            BeforeTitle => f.write_str("before the title: not metadata"),
            Headline => f.write_str("headline or caption naming the speaker"),
            Footer => f.write_str("after the page footer began"),
            WrapNoise => f.write_str("page number or separator inside a hard-wrapped paragraph"),
            TitleMarkdown => f.write_str("markdown #"),
            TitleLabel => f.write_str("原标题 label"),
            TitleAboveSubtitle => f.write_str("above the subtitle"),
            TitleWords => f.write_str("title wording"),
            TitleBeforeSalutation => f.write_str("short line before the salutation"),
            TitleFirstLine => f.write_str("first line, followed only by date and speaker"),
            TitleContinued => f.write_str("second line of the title"),
            Subtitle => f.write_str("dash line under the title"),
            Meta => f.write_str("date, speaker or occasion"),
            Salutation => f.write_str("address to the audience"),
            Numbered => f.write_str("numbered"),
            OldStyle => f.write_str("old style: numeral and space"),
            BareNumeral => f.write_str("bare numeral alone on its line"),
            Spaced => f.write_str("unnumbered: spaced part title"),
            Markdown => f.write_str("markdown ##"),
            StandsAlone(n) => write!(
                f,
                "unnumbered: short line standing alone, {n} in the speech"
            ),
            LeadSentence(n) => write!(f, "unnumbered: lead sentence, {n} in alternation"),
            Point => f.write_str("enumeration word"),
            Body => f.write_str("body"),
            LonePoint => f.write_str("enumeration word without a sibling"),
            PreamblePoint => f.write_str("enumeration in the preamble"),
            PreviewList => f.write_str("preview list in the preamble"),
            LoneOldStyle => f.write_str("numeral and space, but no numbering sequence"),
            InClosing => f.write_str("inside the closing"),
            ClosingAddress => f.write_str("last rallying paragraph"),
            ClosingWish => f.write_str("final wish before the thanks"),
            ClosingThanks => f.write_str("thanks alone"),
            AppendixHeader => f.write_str("appendix heading after the text"),
            Appendix => f.write_str("after the text"),
        }
    }
}

impl Why {
    /// Why a line was removed, in the interface language.
    pub fn shown(self) -> String {
        if crate::lang::is_zh() {
            self.zh()
        } else {
            self.to_string()
        }
    }

    /// The reason in Chinese: the browser's problems view, and `--explain` when the
    /// interface is Chinese.
    pub fn zh(self) -> String {
        use Why::*;
        match self {
            Separator => "分隔线".into(),
            PageNumber => "页码".into(),
            Advert(w) => format!("广告或水印：{}", advert_word(w)),
            Widget(w) => format!("网页控件：{}", widget_word(w)),
            Breadcrumb => "网页导航路径".into(),
            Label(w) => format!("网页标签：{}", label_word(w)),
            LabelValue(w) => format!("上一行标签 {} 的内容", label_word(w)),
            Timestamp => "网页时间戳".into(),
            Caption => "图片说明".into(),
            Credit => "图片署名".into(),
            ImageLink => "图片链接".into(),
            Dateline => "新闻电头".into(),
            EndMark => "结束标记".into(),
            PageJump => "翻页提示".into(),
            Citation => "来源注明".into(),
            BeforeTitle => "标题之前：不是讲话信息".into(),
            Headline => "点出讲话人的新闻标题或图片说明".into(),
            Footer => "网页页脚之后".into(),
            WrapNoise => "折行段落中的页码或分隔线".into(),
            TitleMarkdown => "markdown 的 #".into(),
            TitleLabel => "“原标题”标签".into(),
            TitleAboveSubtitle => "在副标题之上".into(),
            TitleWords => "标题用语".into(),
            TitleBeforeSalutation => "称呼之前的短行".into(),
            TitleFirstLine => "首行，其后只有日期和讲话人".into(),
            TitleContinued => "标题的第二行".into(),
            Subtitle => "标题下的破折号行".into(),
            Meta => "日期、讲话人或场合".into(),
            Salutation => "对听众的称呼".into(),
            Numbered => "有序号".into(),
            OldStyle => "旧式：数字加空格".into(),
            BareNumeral => "单独一行的序号".into(),
            Spaced => "无序号：字间加空格的部分标题".into(),
            Markdown => "markdown 的 ##".into(),
            StandsAlone(n) => format!("无序号：独立成行的短句，全篇 {n} 处"),
            LeadSentence(n) => format!("无序号：段首概括句，交替出现 {n} 处"),
            Point => "列举词".into(),
            Body => "正文".into(),
            LonePoint => "列举词没有同级".into(),
            PreamblePoint => "开场白中的列举".into(),
            PreviewList => "开场白中的预告列表".into(),
            LoneOldStyle => "数字加空格，但不成序列".into(),
            InClosing => "在结束语之内".into(),
            ClosingAddress => "最后一段号召".into(),
            ClosingWish => "致谢前的祝愿".into(),
            ClosingThanks => "单独的致谢".into(),
            AppendixHeader => "正文之后的附件标题".into(),
            Appendix => "正文之后".into(),
        }
    }
}

fn label_word(i: u8) -> &'static str {
    LABELS.get(usize::from(i)).copied().unwrap_or("?")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reason_is_two_bytes() {
        assert!(std::mem::size_of::<Why>() <= 4);
    }
}
