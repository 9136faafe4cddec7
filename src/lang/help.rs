//! `--help` in Chinese. clap derives the English from the doc comments in `cli.rs`; for
//! Chinese the built command is walked and each text replaced from the tables below,
//! by subcommand and argument id. clap's own defaults and value lists are hidden there,
//! as the Chinese texts name them in their own words.

use clap::Command;

/// The command with its help in Chinese; `cmd` must be built (`Command::build`), so
/// that clap's own `--help`, `--version` and `help` are there to translate.
pub fn localize(cmd: Command) -> Command {
    walk(cmd, "")
}

fn walk(cmd: Command, sub: &'static str) -> Command {
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading("命令")
        .mut_args(|a| {
            let id = a.get_id().as_str().to_string();
            let heading = if a.is_positional() {
                "参数"
            } else {
                "选项"
            };
            let text = arg_or_shared(sub, &id).unwrap_or("");
            a.help(text)
                .long_help(None::<&str>)
                .help_heading(heading)
                .hide_default_value(true)
                .hide_possible_values(true)
        });
    if let Some(text) = about(sub) {
        cmd = cmd.about(text).long_about(None::<&str>);
    }
    if let Some(text) = after(sub) {
        cmd = cmd.after_help(text).after_long_help(None::<&str>);
    }
    let names: Vec<&'static str> = cmd
        .get_subcommands()
        .filter_map(|s| SUBCOMMANDS.iter().find(|n| **n == s.get_name()).copied())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, |s| walk(s, name));
    }
    cmd
}

/// Every subcommand with a Chinese help (a new one must be added here: a test checks).
pub const SUBCOMMANDS: [&str; 8] = [
    "outline",
    "search",
    "config",
    "check",
    "similar",
    "completions",
    "man",
    "help",
];

/// A command's summary; `""` is gangmu itself.
pub fn about(sub: &str) -> Option<&'static str> {
    Some(match sub {
        "" => "纲目：中文讲话稿的提纲浏览器",
        "outline" => "以文本、JSON 或 Markdown 打印讲话的纲目",
        "search" => "在每篇讲话中查找词句，并给出每处所在的章节",
        "config" => "把生效的配置打印成带注释的 config.toml，可以从它改起",
        "check" => "检查讲话稿的结构：序号、标题、要点、杂项、结束语",
        "similar" => "哪些讲话抄了哪些：按家族列出有相同文字的讲话",
        "completions" => "打印某个 shell 的补全脚本",
        "man" => "把手册页（roff）打印到标准输出",
        "help" => "显示本帮助，或某个子命令的帮助",
        _ => return None,
    })
}

/// An argument's help, by subcommand and id; shared options are looked up under `*`.
pub fn arg(sub: &str, id: &str) -> Option<&'static str> {
    let own = match (sub, id) {
        ("", "paths") => {
            "要打开的文件或文件夹（默认：管道送来的讲话，否则是内置的示例）。`-` 读标准输入"
        }
        ("", "color") => {
            "用不用颜色：auto 在没有设 NO_COLOR 时用颜色；never 不用颜色，只用反显、粗体和下划线（auto、always、never；默认 auto）"
        }
        ("", "config") | ("config", "config") => "改读这个配置文件（也可用 GANGMU_CONFIG）",
        ("outline", "format") => {
            "输出格式：text（缩进的树，带行号、字数和警告）、json（一个对象：schema、documents、errors）、jsonl（每行一个 JSON 对象，讲话逐篇输出）、markdown（标题下的嵌套列表，可贴进文档）（默认 text）"
        }
        ("outline", "explain") => "打印每个文件的每一行，连同 gangmu 给它的角色和理由",
        ("outline", "color") => {
            "给文本输出中的序号和标题、以及出错的行上色：auto（输出到终端且没有设 NO_COLOR 时）、always 或 never（默认 auto）"
        }
        ("search", "pattern") => "要找的词句；用空格分开的几个词必须都在同一段里",
        ("search", "format") => {
            "输出格式：text（每处一行）、json（一个对象）、jsonl（每处一个对象）（默认 text）"
        }
        ("search", "color") => {
            "给找到的词和出错的行上色：auto（输出到终端且没有设 NO_COLOR 时）、always 或 never（默认 auto）"
        }
        ("search", "regex") => "把要找的词句当作正则表达式（Rust regex 语法）",
        ("search", "phrase") => "整个词句连同空格当作一个短语",
        ("search", "exact") => "不归并：全角半角、简体繁体、ASCII 大小写都要和输入的一样",
        ("search", "count") => "不列出找到的地方，只打印每篇讲话找到几处",
        ("search", "no_cache") => {
            "不读也不写大纲缓存：每篇匹配的讲话都重新解析，每个文件夹都重新列出。缓存按路径、大小和时间记下搜过的讲话的大纲和文件夹的文件列表"
        }
        ("check", "format") => {
            "输出格式：text（`路径:行:列: warning: 说明 [规则]`）或 json（一个对象）（默认 text）"
        }
        ("check", "rule") => {
            "只用这些规则（可重复，或用逗号分开）：numbering 序号的跳号、重号和倒退；announced 开头说的条数与一级标题数不符；mixed-style 同一层用了两种写法；heading-punct 同级标题结尾不一致；parallel 同级标题不对仗（提示）；lone-point 只有“一是”没有“二是”；junk 稿中残留的广告、水印和网页文字；closing 有序号的各部分之后没有结束语"
        }
        ("check", "no_rule") => "不用这些规则（可重复，或用逗号分开；规则同 --rule）",
        ("check", "color") => {
            "给 `warning:`、`note:` 和出错的行上色：auto（输出到终端且没有设 NO_COLOR 时）、always 或 never（默认 auto）"
        }
        ("similar", "min") => {
            "一篇讲话有这么多（百分比）在另一篇里，就列出这一对（1–100，默认 30）"
        }
        ("similar", "common") => {
            "出现在多于这么多篇讲话里的段落算套话或模板，单凭它不成对（默认 100）"
        }
        ("similar", "format") => {
            "输出格式：text（每个家族一块）、json（一个对象）、jsonl（每行一对）（默认 text）"
        }
        ("similar", "color") => "给出错的行上色：auto、always 或 never（默认 auto）",
        ("config", "path") => "只打印到哪里找配置文件",
        ("completions", "shell") => "哪个 shell：bash、elvish、fish、powershell、zsh",
        ("help", "subcommand") => "显示这个子命令的帮助",
        _ => return None,
    };
    Some(own)
}

/// `arg`, then the options every command shares.
fn arg_or_shared(sub: &str, id: &str) -> Option<&'static str> {
    if let Some(own) = arg(sub, id) {
        return Some(own);
    }
    Some(match id {
        "paths" => "文件或文件夹（默认：管道送来的讲话，否则是内置的示例）。`-` 读标准输入",
        "ext" => "除 .txt 以外，还从文件夹中读这些扩展名的文件，用逗号分开（如 md,text）",
        "max_size" => "最多读多大的文件或输入流（如 512M、2G，默认 512M）；更大的报告后跳过",
        "follow" => "走进文件夹里指向其他文件夹的链接（指向文件的链接总是读）",
        "ambiguous" => "宽度不定的字符（“ ” … × · —）算几列：narrow 或 wide（默认 narrow）",
        "theme" => {
            "配深色还是浅色背景的颜色：auto 问终端（问不到就是深色）、dark、light（默认 auto）"
        }
        "text_width" => {
            "正文最宽多少列（80 列 = 40 个汉字），更宽的窗格让它居中；0 是和窗格一样宽（默认 80）"
        }
        "no_mouse" => "把鼠标留给终端，终端自己的选择和复制才能用",
        "no_watch" => "文件在磁盘上改了也不重新读入",
        "no_restore" => "从头开始：不回到以前几次的阅读位置、标记和目录宽度（本次的仍会保存）",
        "rate" => "`t`（讲话时长）用的语速，每分钟多少字（默认 220）",
        "lang" => {
            "界面语言：zh 或 en（默认看 GANGMU_LANG、配置文件的 lang、再看 LC_ALL、LC_MESSAGES、LANG 的区域设置）"
        }
        "help" => "显示帮助",
        "version" => "显示版本",
        _ => return None,
    })
}

/// A usage error of clap's in Chinese: its fixed words replaced, the values (which come
/// from the command line) kept as they are. Plain, without colour.
pub fn clap_error(text: &str) -> String {
    const WORDS: [(&str, &str); 16] = [
        ("a value is required for '", "要给出值：'"),
        ("to pass ", "要把 "),
        (" as a value, use ", " 当作值，请用 "),
        ("error: ", "错误："),
        ("tip: ", "提示："),
        ("Usage: ", "用法："),
        (
            "For more information, try '--help'.",
            "更多信息请用 '--help'。",
        ),
        ("unexpected argument", "多余的参数"),
        (" found", ""),
        ("invalid value", "无效的值"),
        (" for '", "，用于 '"),
        ("[possible values: ", "[可选的值："),
        (
            "the following required arguments were not provided:",
            "缺少以下参数：",
        ),
        ("but none was supplied", ""),
        ("the argument", "参数"),
        ("cannot be used with", "不能同时使用"),
    ];
    let mut out = text.to_string();
    for (en, zh) in WORDS {
        out = out.replace(en, zh);
    }
    out
}

/// The text after a command's options: examples, files, exit statuses.
pub fn after(sub: &str) -> Option<&'static str> {
    Some(match sub {
        "" => TOP_AFTER,
        "outline" => OUTLINE_AFTER,
        "search" => SEARCH_AFTER,
        "check" => CHECK_AFTER,
        "similar" => SIMILAR_AFTER,
        "completions" => COMPLETIONS_AFTER,
        "man" => MAN_AFTER,
        _ => return None,
    })
}

pub const TOP_AFTER: &str = "\
例子：
  gangmu                                 浏览内置的示例讲话
  gangmu 讲话/                           浏览 讲话/ 下的每个 .txt
  cat 讲话.txt | gangmu                  浏览管道送来的讲话（按键从终端读）
  gangmu outline 讲话.txt                打印它的纲目
  gangmu search \"基层 减负\" 讲话/        两个词都有的每一段，及其所在章节
  gangmu check 初稿.txt                  序号、标题、要点、杂项、结束语

没有给路径时，读管道或重定向送进标准输入的讲话；标准输入是终端或 /dev/null 时，读内置
的示例。

文件：
  $XDG_CONFIG_HOME/gangmu/config.toml    设置和按键
                                         （默认 ~/.config/gangmu/config.toml）
  $XDG_STATE_HOME/gangmu/state.json      阅读位置、标记、目录宽度
                                         （默认 ~/.local/state/gangmu/state.json）

环境变量：NO_COLOR（--color auto 时不用颜色），GANGMU_CONFIG（另一个配置文件），
GANGMU_LANG（界面语言 zh 或 en），LC_ALL、LC_MESSAGES、LANG（区域设置以 zh 开头时界面
用中文，否则用英文），VISUAL 或 EDITOR（浏览时按 e 打开的编辑器）。

退出状态：0 成功，1 失败（浏览需要终端），2 用法错误。各命令的 --help 说明各自的退出
状态；`gangmu man` 打印手册页。";

pub const OUTLINE_AFTER: &str = "\
例子：
  gangmu outline 讲话.txt                    缩进的树状纲目
  gangmu outline -f markdown 讲话.txt        嵌套列表，可贴进文档
  gangmu outline -f json 讲话/ > 纲目.json    一个 JSON 对象（\"schema\": 1）
  gangmu outline -f jsonl 讲话/ | jq -r .title
                                             每行一篇的 JSON，随出随写
  cat 讲话.txt | gangmu outline              管道送来的讲话
  gangmu outline --explain 讲话.txt          每一行得到的角色及理由

退出状态：每个文件都列出纲目时为 0，有文件读不了为 1，用法错误为 2。管道被关闭（| head）
时安静结束，退出状态为 0。";

pub const SEARCH_AFTER: &str = "\
例子：
  gangmu search 营商环境 讲话/               说到它的每一段，及其所在章节
  gangmu search \"基层 减负\" 讲话/            两个词在同一段
  gangmu search --phrase \"基层 减负\" 讲话/   几个词连成一个短语
  gangmu search --regex '第[一二三]季度' 讲话/
  gangmu search -c 招商 讲话/                每篇讲话找到几处
  gangmu search -f jsonl 招商 讲话/          每处一个 JSON 对象

大纲缓存：搜过的讲话的大纲记在 ~/.cache/gangmu/outlines（$XDG_CACHE_HOME），按路径、
大小和时间对应，所以再搜同一个文件夹时只解析改过的文件；没改过的文件夹也不再重新列出
文件。读的讲话从不被写。--no-cache 不用它。

退出状态：找到了为 0，什么也没找到为 1，出错（词句写错、文件读不了）为 2。管道被关闭
（| head）时安静结束，退出状态为 0。";

pub const CHECK_AFTER: &str = "\
例子：
  gangmu check 初稿.txt                      路径:行:列: warning: 说明 [规则]
  gangmu check --rule numbering,junk 初稿/   只用这些规则
  gangmu check --no-rule parallel 初稿.txt   除了措辞提示以外的全部规则
  gangmu check -f json 初稿.txt              一个 JSON 对象

规则：numbering、announced、mixed-style、heading-punct、parallel（提示）、lone-point、
junk、closing。

退出状态：没有警告为 0（只有提示也是 0），有警告为 1，出错（文件读不了）为 2。管道被
关闭（| head）时安静结束，退出状态为 0。";

pub const SIMILAR_AFTER: &str = "\
例子：
  gangmu similar 讲话/                    有相同文字的讲话家族
  gangmu similar --min 60 -f jsonl 讲话/  一篇有 60% 在另一篇里的各对

包含程度按讲话正文（去掉杂项）计算，不计空白和标点，只算 8 个字以上的段落。退出状态：
0，文件读不了或输出失败时为 2。";

pub const COMPLETIONS_AFTER: &str = "\
例子：
  gangmu completions bash > ~/.local/share/bash-completion/completions/gangmu
  gangmu completions zsh > ~/.zfunc/_gangmu        （.zshrc 里要有 fpath+=~/.zfunc）
  gangmu completions fish > ~/.config/fish/completions/gangmu.fish
  gangmu completions powershell >> $PROFILE";

pub const MAN_AFTER: &str = "\
例子：
  gangmu man | man -l -
  gangmu man > ~/.local/share/man/man1/gangmu.1";

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// A flag or subcommand added to `cli.rs` without its Chinese fails here.
    #[test]
    fn every_subcommand_and_argument_has_a_chinese_help() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let check = |sub: &str, c: &Command, missing: &mut Vec<String>| {
            if about(sub).is_none() {
                missing.push(format!("about of {sub:?}"));
            }
            for a in c.get_arguments() {
                let id = a.get_id().as_str();
                if arg_or_shared(sub, id).is_none() {
                    missing.push(format!("{sub:?} {id}"));
                }
            }
        };
        let mut missing = Vec::new();
        check("", &cmd, &mut missing);
        for s in cmd.get_subcommands() {
            if !SUBCOMMANDS.contains(&s.get_name()) {
                missing.push(format!("subcommand {}", s.get_name()));
            }
            check(s.get_name(), s, &mut missing);
        }
        assert!(missing.is_empty(), "no Chinese help for: {missing:?}");
    }

    #[test]
    fn the_chinese_help_has_no_english_of_clap_or_ours() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut cmd = localize(cmd);
        let top = cmd.render_long_help().to_string();
        assert!(top.contains("用法：gangmu"), "{top}");
        assert!(top.contains("命令:") && top.contains("选项:"), "{top}");
        for english in ["Print", "Usage", "Options", "default:", "possible values"] {
            assert!(!top.contains(english), "{english} in {top}");
        }
        let check = cmd.find_subcommand_mut("check").unwrap();
        let text = check.render_long_help().to_string();
        assert!(text.contains("只用这些规则"), "{text}");
        assert!(!text.contains("Only these rules"), "{text}");
    }
}
