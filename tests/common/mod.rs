//! Small speeches written for the browser tests, and helpers to load them.
#![allow(dead_code)]

use gangmu::app::State;
use gangmu::outline::{Document, parse};
use gangmu::text::Ambiguous;

pub const SPEECH_A: &str = "在全市春季工作会议上的讲话
同志们：
今天召开会议，主要是部署春季各项工作。下面，我讲三点意见。
一、提高站位，统一思想
各级各部门要把思想统一到市委决策部署上来，切实增强做好工作的责任感和紧迫感。
（一）认清形势。当前发展面临的困难不少，但机遇更多，我们要坚定信心。
（二）明确目标。今年全市经济增长目标是6.5%左右，各地要对标对表，层层分解。
二、突出重点，狠抓落实
抓落实是一切工作的关键。
（一）抓项目建设。全年安排重点项目120个，总投资超过800亿元。
（二）抓招商引资。要瞄准长三角、珠三角等重点区域，开展精准招商。
三、强化保障，改进作风
一是加强组织领导。主要负责同志要亲自抓、负总责。
二是严格督查考核。对工作不力的，要严肃问责。
同志们，春季工作任务繁重，让我们以更加饱满的热情，为完成全年目标任务而努力奋斗！
";

pub const SPEECH_B: &str = "在全县安全生产工作会议上的讲话
同志们：
安全生产事关人民群众生命财产安全。我讲两个问题。
一、清醒认识安全生产形势
去年全县安全生产形势总体平稳，但事故隐患依然存在，万万不可掉以轻心。
二、扎实做好重点领域安全工作
（一）道路交通安全。要加强重点路段巡查，严厉打击超速超载等违法行为。
（二）消防安全。要开展消防安全大排查，坚决消除火灾隐患。
同志们，安全生产只有起点没有终点，让我们共同努力，确保全县安全形势持续稳定！
";

pub fn doc(text: &str, name: &str) -> Document {
    parse(text, &format!("{name}.txt"), name, "UTF-8")
}

pub fn docs() -> Vec<Document> {
    vec![doc(SPEECH_A, "a"), doc(SPEECH_B, "b")]
}

pub fn state(w: u16, h: u16) -> State {
    State::with_docs(docs(), w, h, Ambiguous::Narrow)
}

/// The label of the selected tree item: marker + title.
pub fn selected(s: &State) -> String {
    let (m, t) = s.item_label(s.sel);
    format!("{m}{t}")
}

/// The labels of the visible tree rows.
pub fn rows(s: &State) -> Vec<String> {
    s.tree
        .visible
        .iter()
        .map(|&i| {
            let (m, t) = s.item_label(i);
            format!("{m}{t}")
        })
        .collect()
}

/// The text of the paragraph at the top of the text pane.
pub fn top_text(s: &State) -> String {
    let tv = s.text.as_ref().expect("a speech on screen");
    let para = tv.layout.para_at(tv.top).expect("a row");
    s.docs[tv.doc].para_text(para).to_string()
}

pub mod hostile;
pub mod pty;
pub mod run;

/// Draws the state into a test buffer of its size.
pub fn draw(s: &State) -> ratatui::buffer::Buffer {
    let size = s.size;
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1))
        .expect("terminal");
    t.draw(|f| gangmu::view::view(s, f)).expect("draw");
    t.backend().buffer().clone()
}

/// The screen with its styles: `{…}` opens a run of cells styled alike, naming what is
/// set (`rev` `bold` `dim` `ital` `under`, `fg:` and `bg:` colours); `{}` is plain.
pub fn styled(s: &State) -> String {
    let buf = draw(s);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut last = None;
        let mut line = String::new();
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let key = style_key(cell.style());
            if last.as_ref() != Some(&key) {
                line.push_str(&format!("{{{key}}}"));
                last = Some(key);
            }
            line.push_str(cell.symbol());
            x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn style_key(st: ratatui::style::Style) -> String {
    use ratatui::style::{Color, Modifier};
    let mut parts = Vec::new();
    let m = st.add_modifier;
    for (bit, name) in [
        (Modifier::REVERSED, "rev"),
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "ital"),
        (Modifier::UNDERLINED, "under"),
    ] {
        if m.contains(bit) {
            parts.push(name.to_string());
        }
    }
    if let Some(c) = st.fg.filter(|&c| c != Color::Reset) {
        parts.push(format!("fg:{c}"));
    }
    if let Some(c) = st.bg.filter(|&c| c != Color::Reset) {
        parts.push(format!("bg:{c}"));
    }
    parts.join(" ")
}

/// The screen as text, one line a row (trailing blanks trimmed), wide characters once.
pub fn screen(s: &State) -> String {
    let buf = draw(s);
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut line = String::new();
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            x += unicode_width::UnicodeWidthStr::width(cell.symbol()).max(1) as u16;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
