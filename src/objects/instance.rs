//! Instances of user classes: a class pointer, an attribute dict (behind its own lock) and,
//! for exceptions and subclasses of builtin types, a builtin payload.

use super::exception::ExcState;
use super::{Class, DictObj, Value};
use parking_lot::Mutex;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Arc;

pub struct Instance {
    /// The current class, read without a lock on every attribute access: a pointer from
    /// `Arc::into_raw` whose strong reference this instance owns.
    class: AtomicPtr<Class>,
    /// Classes `__class__` assignment replaced, each once: kept alive until the instance dies
    /// so a reader that loaded an old pointer can go on using it (see `class_ref`).
    replaced: Mutex<Vec<Arc<Class>>>,
    pub dict: Arc<DictObj>,
    pub payload: Payload,
}

pub enum Payload {
    None,
    Exception(Mutex<ExcState>),
    /// The builtin value a subclass of a builtin type wraps (`class MyDict(dict)`).
    Base(Value),
    /// Native state attached by a builtin module's class.
    Native(Arc<dyn super::NativeObject>),
}

impl Instance {
    pub fn new(class: Arc<Class>, dict: Arc<DictObj>, payload: Payload) -> Instance {
        Instance {
            class: AtomicPtr::new(Arc::into_raw(class).cast_mut()),
            replaced: Mutex::new(Vec::new()),
            dict,
            payload,
        }
    }
    pub fn class(&self) -> Arc<Class> {
        Arc::clone(&self.class_ref())
    }

    /// The current class, borrowed: no reference-count traffic.
    #[inline]
    pub fn class_ref(&self) -> ClassRef<'_> {
        let p = self.class.load(Ordering::Acquire);
        // SAFETY: every pointer ever stored in `self.class` came from `Arc::into_raw` and its
        // strong reference is owned by this instance until the instance drops: while current
        // it is released only by `Drop`, and `set_class` moves a replaced one into
        // `self.replaced` instead of releasing it. The `ClassRef` borrows `self`, so the
        // allocation outlives it, and `ManuallyDrop` keeps it from releasing a reference it
        // does not own. Exercised by tests/threads/class_assign_race.py.
        ClassRef(
            ManuallyDrop::new(unsafe { Arc::from_raw(p) }),
            std::marker::PhantomData,
        )
    }

    /// `obj.__class__ = C`.
    pub fn set_class(&self, class: Arc<Class>) {
        let mut replaced = self.replaced.lock();
        let new = Arc::into_raw(class).cast_mut();
        let old = self.class.swap(new, Ordering::AcqRel);
        // SAFETY: `old` came from `Arc::into_raw` with a strong reference owned by this
        // instance (see `class_ref`); it moves into `replaced`, or is released when
        // `replaced` already holds a reference to that class (then the allocation stays
        // alive through that one, so readers holding the pointer are still safe).
        let old = unsafe { Arc::from_raw(old) };
        if !replaced.iter().any(|c| Arc::ptr_eq(c, &old)) {
            replaced.push(old);
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let p = *self.class.get_mut();
        // SAFETY: the current pointer's strong reference is owned by this instance (see
        // `class_ref`), and no borrow of it can outlive `&mut self`.
        drop(unsafe { Arc::from_raw(p) });
    }
}

/// A borrowed view of an instance's class (`Instance::class_ref`).
pub struct ClassRef<'a>(
    ManuallyDrop<Arc<Class>>,
    std::marker::PhantomData<&'a Instance>,
);

impl Deref for ClassRef<'_> {
    type Target = Arc<Class>;
    #[inline]
    fn deref(&self) -> &Arc<Class> {
        &self.0
    }
}
