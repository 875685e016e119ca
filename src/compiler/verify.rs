//! Test-only bytecode verifier: follows every path through a code object and checks that the
//! value-stack depth never goes negative and agrees wherever paths meet (including handler
//! entries), using the stack effects documented in bytecode.rs. Catches codegen slips the VM
//! would otherwise hit at run time.

use super::bytecode::{CodeObject, ConstValue, Instr};

/// Check `code` and every code object nested in its constants.
pub fn verify(code: &CodeObject) -> Result<(), String> {
    verify_one(code).map_err(|e| format!("{}: {e}", code.qualname))?;
    for k in &code.consts {
        if let ConstValue::Code(inner) = k {
            verify(inner)?;
        }
    }
    Ok(())
}

/// (fall-through effect, jump-target effect) of an instruction; None = does not continue.
fn effect(i: &Instr) -> (Option<i64>, Option<i64>) {
    use Instr::*;
    let n = |x: u32| x as i64;
    let fall = match i.unfused() {
        Nop
        | Rot2
        | Rot3
        | Rot4
        | LoadAttr(_)
        | UnaryNegative
        | UnaryPositive
        | UnaryInvert
        | UnaryNot
        | ListToTuple
        | GetIter
        | YieldValue
        | GetYieldFromIter
        | ImportName { .. }
        | PopBlock
        | PopExcept
        | CheckExcMatch
        | DeleteFast(_)
        | DeleteDeref(_)
        | DeleteName(_)
        | DeleteGlobal(_)
        | Jump(_)
        | SetupExcept(_) => 0,
        LoadConst(_)
        | Dup
        | LoadFast(_)
        | LoadFastPair(_)
        | LoadFastAttr(_)
        | LoadDeref(_)
        | LoadClosure(_)
        | LoadClassDeref { .. }
        | LoadName(_)
        | LoadGlobal(_)
        | LoadMethod(_)
        | ImportFrom(_)
        | LoadAssertionError
        | LoadBuildClass
        | LoadLocals
        | WithExceptStart
        | BeforeWith(_) => 1,
        Dup2 => 2,
        Pop | StoreFast(_) | StoreDeref(_) | StoreName(_) | StoreGlobal(_) | DeleteAttr(_)
        | BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | ListAppend(_) | SetAdd(_)
        | ListExtend(_) | SetUpdate(_) | DictUpdate(_) | DictMerge(_) | ImportStar | YieldFrom
        | WithExit | PrintExpr | PopJumpIfFalse(_) | PopJumpIfTrue(_) | JumpIfFalseOrPop(_)
        | JumpIfTrueOrPop(_) => -1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => -2,
        StoreSubscr => -3,
        CallMethod(a) => -n(a) - 1,
        BuildTuple(c) | BuildList(c) | BuildSet(c) | BuildSlice(c) | BuildString(c) => 1 - n(c),
        BuildMap(c) => 1 - 2 * n(c),
        FormatValue { has_spec, .. } => -(has_spec as i64),
        UnpackSequence(c) => n(c) - 1,
        UnpackEx { before, after } => n(before) + n(after),
        ForIter(_) => 1,
        Call(a) => -n(a),
        CallKw { argc, .. } => -n(argc),
        CallEx { has_kwargs } => -1 - has_kwargs as i64,
        MakeFunction(flags) => -(flags.count_ones() as i64),
        PrintItem(to) => -1 - to as i64,
        Py2Divide(_) => -1,
        PrintNewline(to) => -(to as i64),
        ReturnValue | Raise(_) | Reraise => return (None, None),
    };
    let jump = match *i {
        Jump(_) => Some(0),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | ForIter(_) => Some(-1),
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => Some(0),
        // A handler starts at the level of the block with the exception pushed.
        SetupExcept(_) => Some(1),
        BeforeWith(_) => Some(1),
        _ => None,
    };
    let fall = if matches!(i, Jump(_)) {
        None
    } else {
        Some(fall)
    };
    (fall, jump)
}

fn pops_before_push(i: &Instr) -> i64 {
    use Instr::*;
    match *i {
        Pop
        | StoreFast(_)
        | StoreDeref(_)
        | StoreName(_)
        | StoreGlobal(_)
        | LoadAttr(_)
        | GetIter
        | ListToTuple
        | PrintExpr
        | WithExit
        | ImportName { .. }
        | ImportStar
        | PopJumpIfFalse(_)
        | PopJumpIfTrue(_)
        | JumpIfFalseOrPop(_)
        | JumpIfTrueOrPop(_)
        | ForIter(_)
        | LoadMethod(_)
        | BeforeWith(_)
        | Dup
        | YieldValue
        | GetYieldFromIter
        | DeleteAttr(_)
        | UnaryNegative
        | UnaryPositive
        | UnaryInvert
        | UnaryNot
        | ImportFrom(_)
        | ReturnValue
        | Reraise => 1,
        Rot2 | Dup2 | BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | StoreAttr(_)
        | DeleteSubscr | CheckExcMatch | YieldFrom | WithExceptStart => 2,
        Rot3 | StoreSubscr => 3,
        Rot4 => 4,
        CallMethod(a) => a as i64 + 2,
        Call(a) => a as i64 + 1,
        CallKw { argc, .. } => argc as i64 + 1,
        CallEx { has_kwargs } => 2 + has_kwargs as i64,
        BuildTuple(c) | BuildList(c) | BuildSet(c) | BuildSlice(c) | BuildString(c)
        | UnpackSequence(c) => {
            if matches!(*i, UnpackSequence(_)) {
                1
            } else {
                c as i64
            }
        }
        BuildMap(c) => 2 * c as i64,
        ListAppend(d) | SetAdd(d) | ListExtend(d) | SetUpdate(d) | DictUpdate(d) => d as i64 + 1,
        DictMerge(d) => d as i64 + 3,
        MapAdd(d) => d as i64 + 2,
        UnpackEx { .. } => 1,
        FormatValue { has_spec, .. } => 1 + has_spec as i64,
        MakeFunction(flags) => 1 + flags.count_ones() as i64,
        Raise(c) => c as i64,
        PrintItem(to) => 1 + to as i64,
        Py2Divide(_) => 2,
        PrintNewline(to) => to as i64,
        _ => 0,
    }
}

/// A block on the VM's per-frame block stack: a handler set up by SetupExcept/BeforeWith, or
/// the ExceptHandler block the VM pushes when it enters a handler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Setup,
    Handler,
}

fn verify_one(code: &CodeObject) -> Result<(), String> {
    let len = code.instrs.len();
    if code.spans.len() != len {
        return Err("spans and instrs differ in length".into());
    }
    let mut seen: Vec<Option<(i64, Vec<Block>)>> = vec![None; len];
    let mut work = vec![(0usize, 0i64, Vec::new())];
    while let Some((pc, d, blocks)) = work.pop() {
        let Some(i) = code.instrs.get(pc) else {
            return Err(format!("control falls off the end at {pc}"));
        };
        match &seen[pc] {
            Some((od, ob)) if *od == d && *ob == blocks => continue,
            Some((od, ob)) => {
                return Err(format!(
                    "at {pc} ({i:?}): depth {d} blocks {blocks:?} vs {od} {ob:?}"
                ))
            }
            None => seen[pc] = Some((d, blocks.clone())),
        }
        if d < pops_before_push(i) {
            return Err(format!("stack underflow at {pc} ({i:?}) depth {d}"));
        }
        let mut after = blocks.clone();
        let must_pop = match i {
            Instr::PopBlock => Some(Block::Setup),
            Instr::PopExcept => Some(Block::Handler),
            _ => None,
        };
        if let Some(kind) = must_pop {
            if after.pop() != Some(kind) {
                return Err(format!(
                    "{i:?} at {pc} does not match the block stack {blocks:?}"
                ));
            }
        }
        if matches!(i, Instr::SetupExcept(_) | Instr::BeforeWith(_)) {
            after.push(Block::Setup);
        }
        if matches!(i, Instr::ReturnValue) && !blocks.is_empty() {
            return Err(format!(
                "return with blocks still active at {pc}: {blocks:?}"
            ));
        }
        let (fall, jump) = effect(i);
        if let Some(f) = fall {
            work.push((pc + 1, d + f, after.clone()));
        }
        if let (Some(j), Some(t)) = (jump, super::jump_target(i)) {
            if t as usize >= len {
                return Err(format!("jump past the end at {pc}"));
            }
            let target_blocks = match i {
                // A handler runs with its setup block replaced by an ExceptHandler block.
                Instr::SetupExcept(_) | Instr::BeforeWith(_) => {
                    let mut b = blocks.clone();
                    b.push(Block::Handler);
                    b
                }
                _ => after.clone(),
            };
            work.push((t as usize, d + j, target_blocks));
        }
    }
    Ok(())
}
