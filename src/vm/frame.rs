//! Frames: the state of one running code object (value stack, locals, cells, block stack).

use crate::objects::{Cell, Code, DictObj, Value};
use std::sync::Arc;

/// An entry of the block stack (see the model in `compiler::bytecode`).
#[derive(Clone)]
pub enum Block {
    /// A protected region: an exception jumps to `handler` with the stack cut to `level`.
    Except { handler: u32, level: usize },
    /// An active except/finally handler; remembers the exception handled before it.
    Handler { prev: Option<Value> },
}

pub struct Frame {
    pub code: Arc<Code>,
    pub pc: usize,
    pub stack: Vec<Value>,
    pub locals: Vec<Option<Value>>,
    /// Cell variables of this code, then the closure's free variables.
    pub cells: Vec<Arc<Cell>>,
    pub globals: Arc<DictObj>,
    /// The namespace of a module or class body (*Name instructions); None in functions.
    pub ns: Option<Arc<DictObj>>,
    pub blocks: Vec<Block>,
}

impl Frame {
    pub fn new(code: Arc<Code>, globals: Arc<DictObj>, ns: Option<Arc<DictObj>>) -> Frame {
        let nlocals = code.obj.varnames.len();
        Frame {
            stack: Vec::with_capacity(8),
            locals: vec![None; nlocals],
            cells: Vec::new(),
            code,
            pc: 0,
            globals,
            ns,
            blocks: Vec::new(),
        }
    }

    /// Reuses a finished frame's allocations for a new code object.
    pub fn reset(&mut self, code: Arc<Code>, globals: Arc<DictObj>, ns: Option<Arc<DictObj>>) {
        let nlocals = code.obj.varnames.len();
        self.code = code;
        self.pc = 0;
        self.stack.clear();
        self.locals.clear();
        self.locals.resize(nlocals, None);
        self.cells.clear();
        self.globals = globals;
        self.ns = ns;
        self.blocks.clear();
    }

    /// The source line being executed (the instruction before `pc`).
    pub fn line(&self) -> u32 {
        self.code.obj.line_of(self.pc.saturating_sub(1))
    }
}
