//! The module's heap: one free list per power-of-two size class.
//!
//! On `wasm32` this replaces std's dlmalloc as the global allocator.
//! dlmalloc is general-purpose and about 8 KB of the `.wasm`, a sixth of the
//! package. What this crate allocates is a few dozen short strings and
//! vectors a call, and one body buffer, all freed when the call ends, and
//! size classes serve that in a few hundred bytes of code. The price is
//! rounding: a block can be up to twice its request. A freed block is kept
//! for its own class, never merged or returned; wasm memory can't shrink
//! anyway, and a steady stream of calls reuses the same blocks.
//!
//! The bookkeeping is integer arithmetic on addresses, tested natively
//! against a simulated memory; only [`LinearMemory`] is wasm's own.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;
use std::ptr;

/// The unit in which wasm memory grows.
pub const PAGE_SIZE: usize = 65_536;

/// The smallest block: room for a free block's link to the next, and for
/// the largest alignment std types need.
const MIN_BLOCK: usize = 16;

/// Class `k` holds blocks of `2^k` bytes.
const CLASSES: usize = usize::BITS as usize;

/// Where new memory comes from: `memory.grow` on wasm32, an arena in tests.
pub trait Pages {
    /// Adds `count` pages and returns the address of the first, or `None`
    /// when memory can't grow.
    fn grow(&self, count: usize) -> Option<usize>;
}

/// A size-class allocator over memory that `P` hands out.
///
/// Blocks of a class are carved aligned to their size, up to a page, so
/// any request whose size and alignment fit a class fits every block of it.
pub struct Heap<P> {
    pages: P,
    /// The first free block of each class, 0 for none; each free block
    /// starts with the address of the next.
    free: [Cell<usize>; CLASSES],
    /// The unused part of the memory grown last.
    next: Cell<usize>,
    end: Cell<usize>,
}

impl<P: Pages> Heap<P> {
    pub const fn new(pages: P) -> Self {
        Heap {
            pages,
            free: [const { Cell::new(0) }; CLASSES],
            next: Cell::new(0),
            end: Cell::new(0),
        }
    }

    /// A block for `layout`, or `None` when memory is exhausted.
    fn allocate(&self, layout: Layout) -> Option<usize> {
        let class = class_of(layout)?;
        let head = self.free.get(class)?;
        match head.get() {
            0 => self.carve(class),
            block => {
                // SAFETY: a free block of this class is at least MIN_BLOCK
                // bytes, aligned, and owned by the heap; its first word is
                // the link written by `release`.
                head.set(unsafe { ptr::read(block as *const usize) });
                Some(block)
            }
        }
    }

    /// Gives back `block`, which `allocate` returned for `layout`.
    ///
    /// # Safety
    /// `block` must come from this heap for the same `layout` and not be
    /// used after this call.
    unsafe fn release(&self, block: usize, layout: Layout) {
        let Some(head) = class_of(layout).and_then(|class| self.free.get(class)) else {
            return;
        };
        // SAFETY: the caller hands the block back, so its first word is free
        // to hold the link.
        unsafe { ptr::write(block as *mut usize, head.get()) };
        head.set(block);
    }

    /// Whether a block allocated for `old` also fits `new` as it stands.
    fn fits_in_place(old: Layout, new: Layout) -> bool {
        class_of(old).is_some() && class_of(old) == class_of(new)
    }

    /// A new block of `2^class` bytes from the memory grown last, growing
    /// it when the block doesn't fit.
    fn carve(&self, class: usize) -> Option<usize> {
        let size = 1usize.checked_shl(u32::try_from(class).ok()?)?;
        let alignment = size.min(PAGE_SIZE);
        loop {
            let start = align_up(self.next.get(), alignment)?;
            let after = start.checked_add(size)?;
            if after <= self.end.get() {
                self.next.set(after);
                return Some(start);
            }
            let count = size.div_ceil(PAGE_SIZE);
            let base = self.pages.grow(count)?;
            let grown_end = base.checked_add(count.checked_mul(PAGE_SIZE)?)?;
            // Memory grown right after ours extends it; anything else (the
            // first growth, or another grower in between) starts afresh.
            if base != self.end.get() {
                self.next.set(base);
            }
            self.end.set(grown_end);
        }
    }
}

/// The class whose blocks serve `layout`, if any can: sizes round up to a
/// power of two of at least [`MIN_BLOCK`], and alignments past a page
/// (which nothing in this crate asks for) are refused.
fn class_of(layout: Layout) -> Option<usize> {
    if layout.align() > PAGE_SIZE {
        return None;
    }
    let size = layout.size().max(layout.align()).max(MIN_BLOCK);
    usize::try_from(size.checked_next_power_of_two()?.trailing_zeros()).ok()
}

fn align_up(address: usize, alignment: usize) -> Option<usize> {
    let mask = alignment.checked_sub(1)?;
    Some(address.checked_add(mask)? & !mask)
}

// SAFETY: `allocate` only returns blocks that fit the layout and that no
// live allocation overlaps; `release` takes them back. A request the heap
// can't serve returns null, as `GlobalAlloc` asks.
unsafe impl<P: Pages> GlobalAlloc for Heap<P> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        self.allocate(layout)
            .map_or(ptr::null_mut(), |block| block as *mut u8)
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        // SAFETY: GlobalAlloc's contract is `release`'s.
        unsafe { self.release(block as usize, layout) }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let Ok(new_layout) = Layout::from_size_align(new_size, layout.align()) else {
            return ptr::null_mut();
        };
        if Self::fits_in_place(layout, new_layout) {
            return block;
        }
        // SAFETY: as in `alloc`; the copy stays within both blocks, which
        // don't overlap, and the old one is given back only after it.
        unsafe {
            let moved = self.alloc(new_layout);
            if !moved.is_null() {
                ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                self.dealloc(block, layout);
            }
            moved
        }
    }
}

/// wasm's own linear memory.
#[cfg(target_arch = "wasm32")]
pub struct LinearMemory;

#[cfg(target_arch = "wasm32")]
impl Pages for LinearMemory {
    fn grow(&self, count: usize) -> Option<usize> {
        match core::arch::wasm32::memory_grow(0, count) {
            usize::MAX => None,
            first_page => first_page.checked_mul(PAGE_SIZE),
        }
    }
}

// SAFETY: without the `atomics` feature a wasm32 module runs on one thread,
// so the heap's cells are never touched from two at once.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for Heap<LinearMemory> {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static HEAP: Heap<LinearMemory> = Heap::new(LinearMemory);
