//! The last pass over a code unit's instructions: marks instruction sequences the VM can run
//! as one (superinstructions).
//!
//! A marked instruction keeps its meaning: `LoadFastPair(i)` and `LoadFastAttr(i)` are
//! `LoadFast(i)` plus the promise that the instructions after it have a known shape, and the
//! instructions after it stay in place. So the VM runs the whole sequence at once when the
//! operands are the common ones (ints, floats, a list index, an instance attribute) and
//! otherwise just the load, carrying on with the next instruction as if nothing were fused;
//! a jump into the middle of a sequence lands on an ordinary instruction. Tools that read
//! bytecode (`dis`, the verifier, the deadlock reporter) see the plain instruction through
//! [`Instr::unfused`].

use super::bytecode::Instr;

impl Instr {
    /// The instruction a superinstruction stands for (itself for any other).
    pub fn unfused(self) -> Instr {
        match self {
            Instr::LoadFastPair(i) | Instr::LoadFastAttr(i) => Instr::LoadFast(i),
            other => other,
        }
    }
}

/// Marks every `LoadFast` that starts a fusable sequence.
pub fn mark(instrs: &mut [Instr]) {
    for pc in 0..instrs.len() {
        let Instr::LoadFast(i) = instrs[pc] else {
            continue;
        };
        let next = instrs.get(pc + 1).copied();
        let after = instrs.get(pc + 2).copied();
        let pair = matches!(next, Some(Instr::LoadConst(_) | Instr::LoadFast(_)))
            && matches!(
                after,
                Some(
                    Instr::BinaryOp(_)
                        | Instr::InplaceOp(_)
                        | Instr::CompareOp(_)
                        | Instr::BinarySubscr
                )
            );
        if pair {
            instrs[pc] = Instr::LoadFastPair(i);
        } else if matches!(next, Some(Instr::LoadAttr(_))) {
            instrs[pc] = Instr::LoadFastAttr(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::ast::BinOp;

    #[test]
    fn marks_only_complete_sequences_and_unfuses_back() {
        let mut code = vec![
            Instr::LoadFast(0),
            Instr::LoadConst(1),
            Instr::BinaryOp(BinOp::Sub),
            Instr::LoadFast(2),
            Instr::LoadAttr(0),
            Instr::LoadFast(3),
            Instr::LoadConst(0),
            Instr::ReturnValue,
        ];
        let plain = code.clone();
        mark(&mut code);
        assert_eq!(code[0], Instr::LoadFastPair(0));
        assert_eq!(code[3], Instr::LoadFastAttr(2));
        assert_eq!(code[5], Instr::LoadFast(3));
        let back: Vec<Instr> = code.iter().map(|i| i.unfused()).collect();
        assert_eq!(back, plain);
    }
}
