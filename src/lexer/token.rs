//! Tokens as the parser sees them: the output of the layout pass, with NEWLINE/INDENT/DEDENT
//! made explicit and literals already decoded.

use std::fmt;
use std::sync::Arc;

/// One part of an f-string literal, as split by the lexer.
#[derive(Clone, Debug, PartialEq)]
pub enum FStringPart {
    /// Literal text with escapes decoded and `{{`/`}}` collapsed.
    Literal(String),
    /// A replacement field `{expr!conv:spec}`.
    Field(FStringField),
}

#[derive(Clone, Debug, PartialEq)]
pub struct FStringField {
    /// The expression's source text, exactly as written between `{` and the `!`, `:`, `=` or `}`
    /// (surrounding blanks and, in triple-quoted f-strings, line ends included: `{x = }` gives
    /// `"x "`). Tokenize it with `lexer::tokenize_fragment(expr_source, expr_offset)`.
    /// CPython parses it as if parenthesized, so `{a, b}` is a tuple.
    pub expr_source: String,
    /// Byte offset of `expr_source` in the file, so the parser can give its nodes real spans.
    pub expr_offset: u32,
    /// `Some(text)` for the `=` debugging form: the text to print before the value,
    /// e.g. `"x = "` for `{x = }` (the expression text, the `=`, and the whitespace around it).
    pub debug_text: Option<String>,
    /// `'r'`, `'s'` or `'a'` for `!r`, `!s`, `!a`. As in CPython's AST, a `=` field with
    /// neither conversion nor format spec (`{x=}`) gets `Some('r')`.
    pub conversion: Option<char>,
    /// The format spec after `:`, itself made of literal text and nested fields (nested one
    /// level at most). `{x:}` gives `Some(vec![])`.
    pub format_spec: Option<Vec<FStringPart>>,
}

/// A decoded integer literal: small ones inline, big ones as decimal digits.
#[derive(Clone, Debug, PartialEq)]
pub enum IntLit {
    Small(i64),
    /// Decimal digits of a literal that does not fit in i64.
    Big(String),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Token {
    // Layout
    Newline,
    Indent,
    Dedent,
    EndMarker,

    // Atoms
    Name(Arc<str>),
    Int(IntLit),
    Float(f64),
    /// An imaginary literal such as `3j` (its value; complex numbers are optional at runtime).
    Imag(f64),
    /// A str literal, escapes decoded (one token per literal; the parser joins neighbours).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// An f-string literal split into parts.
    FString(Vec<FStringPart>),

    // Keywords
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Operators and delimiters
    Plus,         // +
    Minus,        // -
    Star,         // *
    DoubleStar,   // **
    Slash,        // /
    DoubleSlash,  // //
    Percent,      // %
    At,           // @
    LeftShift,    // <<
    RightShift,   // >>
    Amper,        // &
    Pipe,         // |
    Caret,        // ^
    Tilde,        // ~
    ColonEqual,   // :=
    Less,         // <
    Greater,      // >
    LessEqual,    // <=
    GreaterEqual, // >=
    EqEqual,      // ==
    NotEqual,     // !=
    LPar,         // (
    RPar,         // )
    LSqb,         // [
    RSqb,         // ]
    LBrace,       // {
    RBrace,       // }
    Comma,        // ,
    Colon,        // :
    Dot,          // .
    Semi,         // ;
    Equal,        // =
    Arrow,        // ->
    Ellipsis,     // ...
    // Augmented assignment
    PlusEqual,        // +=
    MinusEqual,       // -=
    StarEqual,        // *=
    SlashEqual,       // /=
    DoubleSlashEqual, // //=
    PercentEqual,     // %=
    AtEqual,          // @=
    AmperEqual,       // &=
    PipeEqual,        // |=
    CaretEqual,       // ^=
    LeftShiftEqual,   // <<=
    RightShiftEqual,  // >>=
    DoubleStarEqual,  // **=
}

impl Token {
    /// The keyword for a name, if it is one.
    pub fn keyword(name: &str) -> Option<Token> {
        Some(match name {
            "False" => Token::False,
            "None" => Token::None,
            "True" => Token::True,
            "and" => Token::And,
            "as" => Token::As,
            "assert" => Token::Assert,
            "async" => Token::Async,
            "await" => Token::Await,
            "break" => Token::Break,
            "class" => Token::Class,
            "continue" => Token::Continue,
            "def" => Token::Def,
            "del" => Token::Del,
            "elif" => Token::Elif,
            "else" => Token::Else,
            "except" => Token::Except,
            "finally" => Token::Finally,
            "for" => Token::For,
            "from" => Token::From,
            "global" => Token::Global,
            "if" => Token::If,
            "import" => Token::Import,
            "in" => Token::In,
            "is" => Token::Is,
            "lambda" => Token::Lambda,
            "nonlocal" => Token::Nonlocal,
            "not" => Token::Not,
            "or" => Token::Or,
            "pass" => Token::Pass,
            "raise" => Token::Raise,
            "return" => Token::Return,
            "try" => Token::Try,
            "while" => Token::While,
            "with" => Token::With,
            "yield" => Token::Yield,
            _ => return None,
        })
    }

    /// How the token reads in an error message.
    pub fn describe(&self) -> String {
        match self {
            Token::Newline => "newline".into(),
            Token::Indent => "indent".into(),
            Token::Dedent => "dedent".into(),
            Token::EndMarker => "end of file".into(),
            Token::Name(n) => format!("name '{n}'"),
            Token::Int(_) | Token::Float(_) | Token::Imag(_) => "number".into(),
            Token::Str(_) | Token::Bytes(_) | Token::FString(_) => "string".into(),
            other => format!("'{other}'"),
        }
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            Token::Newline => "NEWLINE",
            Token::Indent => "INDENT",
            Token::Dedent => "DEDENT",
            Token::EndMarker => "ENDMARKER",
            Token::Name(n) => return write!(f, "{n}"),
            Token::Int(IntLit::Small(i)) => return write!(f, "{i}"),
            Token::Int(IntLit::Big(s)) => return write!(f, "{s}"),
            Token::Float(x) => return write!(f, "{x}"),
            Token::Imag(x) => return write!(f, "{x}j"),
            Token::Str(s) => return write!(f, "{s:?}"),
            Token::Bytes(b) => return write!(f, "b{:?}", String::from_utf8_lossy(b)),
            Token::FString(_) => "f-string",
            Token::False => "False",
            Token::None => "None",
            Token::True => "True",
            Token::And => "and",
            Token::As => "as",
            Token::Assert => "assert",
            Token::Async => "async",
            Token::Await => "await",
            Token::Break => "break",
            Token::Class => "class",
            Token::Continue => "continue",
            Token::Def => "def",
            Token::Del => "del",
            Token::Elif => "elif",
            Token::Else => "else",
            Token::Except => "except",
            Token::Finally => "finally",
            Token::For => "for",
            Token::From => "from",
            Token::Global => "global",
            Token::If => "if",
            Token::Import => "import",
            Token::In => "in",
            Token::Is => "is",
            Token::Lambda => "lambda",
            Token::Nonlocal => "nonlocal",
            Token::Not => "not",
            Token::Or => "or",
            Token::Pass => "pass",
            Token::Raise => "raise",
            Token::Return => "return",
            Token::Try => "try",
            Token::While => "while",
            Token::With => "with",
            Token::Yield => "yield",
            Token::Plus => "+",
            Token::Minus => "-",
            Token::Star => "*",
            Token::DoubleStar => "**",
            Token::Slash => "/",
            Token::DoubleSlash => "//",
            Token::Percent => "%",
            Token::At => "@",
            Token::LeftShift => "<<",
            Token::RightShift => ">>",
            Token::Amper => "&",
            Token::Pipe => "|",
            Token::Caret => "^",
            Token::Tilde => "~",
            Token::ColonEqual => ":=",
            Token::Less => "<",
            Token::Greater => ">",
            Token::LessEqual => "<=",
            Token::GreaterEqual => ">=",
            Token::EqEqual => "==",
            Token::NotEqual => "!=",
            Token::LPar => "(",
            Token::RPar => ")",
            Token::LSqb => "[",
            Token::RSqb => "]",
            Token::LBrace => "{",
            Token::RBrace => "}",
            Token::Comma => ",",
            Token::Colon => ":",
            Token::Dot => ".",
            Token::Semi => ";",
            Token::Equal => "=",
            Token::Arrow => "->",
            Token::Ellipsis => "...",
            Token::PlusEqual => "+=",
            Token::MinusEqual => "-=",
            Token::StarEqual => "*=",
            Token::SlashEqual => "/=",
            Token::DoubleSlashEqual => "//=",
            Token::PercentEqual => "%=",
            Token::AtEqual => "@=",
            Token::AmperEqual => "&=",
            Token::PipeEqual => "|=",
            Token::CaretEqual => "^=",
            Token::LeftShiftEqual => "<<=",
            Token::RightShiftEqual => ">>=",
            Token::DoubleStarEqual => "**=",
        };
        f.write_str(s)
    }
}
