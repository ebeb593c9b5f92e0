//! The size-class heap, natively, over a simulated wasm memory: every block
//! is aligned, no two live blocks overlap, bytes survive until freed or
//! moved, freed blocks are reused, and what can't be served is null.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout};
use std::cell::Cell;

use proptest::prelude::*;
use turso_platform_wasm::heap::{Heap, Pages, PAGE_SIZE};

/// Memory that grows by pages, like wasm's, up to a fixed number of them.
struct Arena {
    memory: Vec<u8>,
    base: usize,
    limit_pages: usize,
    grown_pages: Cell<usize>,
}

impl Arena {
    fn with_pages(limit_pages: usize) -> Arena {
        let mut memory = Vec::with_capacity((limit_pages + 1) * PAGE_SIZE);
        let start = memory.as_mut_ptr() as usize;
        Arena {
            memory,
            base: start.next_multiple_of(PAGE_SIZE),
            limit_pages,
            grown_pages: Cell::new(0),
        }
    }
}

impl Pages for &Arena {
    fn grow(&self, count: usize) -> Option<usize> {
        let grown = self.grown_pages.get();
        if grown + count > self.limit_pages {
            return None;
        }
        self.grown_pages.set(grown + count);
        assert!(self.memory.capacity() >= (grown + count + 1) * PAGE_SIZE);
        Some(self.base + grown * PAGE_SIZE)
    }
}

#[derive(Clone, Debug)]
enum Step {
    Allocate { size: usize, align_shift: u32 },
    Free(usize),
    Resize(usize, usize),
}

fn sizes() -> impl Strategy<Value = usize> {
    prop_oneof![4 => 1usize..64, 3 => 64usize..4_096, 1 => 4_096usize..200_000]
}

fn steps() -> impl Strategy<Value = Vec<Step>> {
    let step = prop_oneof![
        3 => (sizes(), 0u32..13).prop_map(|(size, align_shift)| Step::Allocate { size, align_shift }),
        2 => any::<usize>().prop_map(Step::Free),
        1 => (any::<usize>(), sizes()).prop_map(|(index, size)| Step::Resize(index, size)),
    ];
    proptest::collection::vec(step, 1..120)
}

struct Live {
    address: usize,
    layout: Layout,
    tag: u8,
}

fn fill(live: &Live) {
    unsafe { std::ptr::write_bytes(live.address as *mut u8, live.tag, live.layout.size()) };
}

fn assert_intact(live: &Live, length: usize) {
    let bytes = unsafe { std::slice::from_raw_parts(live.address as *const u8, length) };
    assert!(
        bytes.iter().all(|&byte| byte == live.tag),
        "a block's bytes changed"
    );
}

fn assert_placed(blocks: &[Live], new: &Live) {
    assert_eq!(
        new.address % new.layout.align(),
        0,
        "misaligned for {:?}",
        new.layout
    );
    let end = new.address + new.layout.size();
    for other in blocks {
        let other_end = other.address + other.layout.size();
        assert!(
            end <= other.address || other_end <= new.address,
            "two live blocks overlap"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn blocks_are_aligned_disjoint_and_keep_their_bytes(steps in steps()) {
        let arena = Arena::with_pages(1_024);
        let heap = Heap::new(&arena);
        let mut blocks: Vec<Live> = Vec::new();
        for (number, step) in steps.into_iter().enumerate() {
            let tag = (number % 251) as u8 + 1;
            match step {
                Step::Allocate { size, align_shift } => {
                    let layout = Layout::from_size_align(size, 1 << align_shift).unwrap();
                    let address = unsafe { heap.alloc(layout) } as usize;
                    prop_assert_ne!(address, 0);
                    let live = Live { address, layout, tag };
                    assert_placed(&blocks, &live);
                    fill(&live);
                    blocks.push(live);
                }
                Step::Free(index) if !blocks.is_empty() => {
                    let live = blocks.swap_remove(index % blocks.len());
                    assert_intact(&live, live.layout.size());
                    unsafe { heap.dealloc(live.address as *mut u8, live.layout) };
                }
                Step::Resize(index, size) if !blocks.is_empty() => {
                    let old = blocks.swap_remove(index % blocks.len());
                    let address = unsafe { heap.realloc(old.address as *mut u8, old.layout, size) } as usize;
                    prop_assert_ne!(address, 0);
                    let layout = Layout::from_size_align(size, old.layout.align()).unwrap();
                    let moved = Live { address, layout, tag: old.tag };
                    assert_intact(&moved, old.layout.size().min(size));
                    assert_placed(&blocks, &moved);
                    let resized = Live { tag, ..moved };
                    fill(&resized);
                    blocks.push(resized);
                }
                Step::Free(_) | Step::Resize(..) => {}
            }
        }
        for live in &blocks {
            assert_intact(live, live.layout.size());
        }
    }
}

#[test]
fn a_steady_stream_of_calls_reuses_its_blocks() {
    let arena = Arena::with_pages(64);
    let heap = Heap::new(&arena);
    let one_call = || {
        let layouts = [(37, 1), (180, 1), (12, 4), (900, 8), (24, 8), (3_000, 1)];
        let blocks: Vec<_> = layouts
            .iter()
            .map(|&(size, align)| {
                let layout = Layout::from_size_align(size, align).unwrap();
                (unsafe { heap.alloc(layout) }, layout)
            })
            .collect();
        for (block, layout) in blocks.into_iter().rev() {
            assert!(!block.is_null());
            unsafe { heap.dealloc(block, layout) };
        }
    };
    one_call();
    let after_first = arena.grown_pages.get();
    for _ in 0..10_000 {
        one_call();
    }
    assert_eq!(arena.grown_pages.get(), after_first);
}

#[test]
fn resizing_within_a_class_keeps_the_block() {
    let arena = Arena::with_pages(4);
    let heap = Heap::new(&arena);
    let layout = Layout::from_size_align(70, 1).unwrap();
    let block = unsafe { heap.alloc(layout) };
    assert_eq!(unsafe { heap.realloc(block, layout, 128) }, block);
    assert_ne!(
        unsafe { heap.realloc(block, Layout::from_size_align(128, 1).unwrap(), 129) },
        block
    );
}

#[test]
fn what_cannot_be_served_is_null_not_a_panic() {
    let arena = Arena::with_pages(2);
    let heap = Heap::new(&arena);
    let past_a_page = Layout::from_size_align(8, 2 * PAGE_SIZE).unwrap();
    assert!(unsafe { heap.alloc(past_a_page) }.is_null());
    let largest = Layout::from_size_align(isize::MAX as usize - 7, 1).unwrap();
    assert!(unsafe { heap.alloc(largest) }.is_null());
    let three_pages = Layout::from_size_align(3 * PAGE_SIZE, 1).unwrap();
    assert!(
        unsafe { heap.alloc(three_pages) }.is_null(),
        "memory is only two pages"
    );
    let small = Layout::from_size_align(100, 8).unwrap();
    assert!(
        !unsafe { heap.alloc(small) }.is_null(),
        "a failed growth leaves the heap usable"
    );
}
