//! Placeholder disassembler until the compiler branch lands.
use super::bytecode::CodeObject;

pub fn disassemble(code: &CodeObject) -> String {
    format!("{:?}\n", code.instrs)
}
