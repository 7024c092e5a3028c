// The library as a long list read in pages: library.query with limit/offset, a page fetched
// when the grid comes near it, the total from every answer. A change of filters starts over; a
// `library.changed` (libraryVersion) refreshes in place: the pages on screen are fetched again
// while the old ones stay visible, so a new picture or a favourite never blanks the grid.
// Nothing here polls: pages load because the person scrolls, and reload because main said so.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LibraryItemView, LibraryQueryInput } from '../../shared/contract-library';
import { easel, errorOf } from '../easel-bridge';
import { useStore } from './external-store';
import { libraryVersion } from './library-state';

/** Pictures per library.query call (the contract allows up to 500). */
export const PAGE_SIZE = 200;
/** While the grid scrolls, missing pages are asked for at most this often. */
const SETTLE_MS = 60;

export type LibraryFilterQuery = Omit<NonNullable<LibraryQueryInput>, 'limit' | 'offset'>;

export interface LibraryPagesState {
  status: 'loading' | 'ready' | 'error';
  /** Pictures matching the query; null until the first answer. */
  total: number | null;
  message: string | null;
  /** Bumped whenever any page arrives, so a grid knows to read again. */
  revision: number;
}

export class LibraryPages {
  private pages = new Map<number, readonly LibraryItemView[]>();
  /** What was on screen before a refresh, shown until the fresh page replaces it. */
  private stale = new Map<number, readonly LibraryItemView[]>();
  private pending = new Set<number>();
  private generation = 0;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private listeners = new Set<() => void>();
  private lastRange: [number, number] = [0, PAGE_SIZE - 1];
  private stopped = false;
  state: LibraryPagesState = { status: 'loading', total: null, message: null, revision: 0 };
  /** The query as text: what decides whether a new pager is needed. */
  readonly key: string;

  constructor(readonly query: LibraryFilterQuery) {
    this.key = JSON.stringify(query);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LibraryPagesState => this.state;

  itemAt(index: number): LibraryItemView | undefined {
    const page = Math.floor(index / PAGE_SIZE);
    return (this.pages.get(page) ?? this.stale.get(page))?.[index % PAGE_SIZE];
  }

  /** Where a picture sits among the pages loaded so far, or -1. */
  indexOf(imageId: string): number {
    for (const [page, items] of this.pages) {
      const at = items.findIndex((item) => item.imageId === imageId);
      if (at >= 0) return page * PAGE_SIZE + at;
    }
    return -1;
  }

  /** Asks for the pages covering items first..last (inclusive); the first page loads at once. */
  ensure(first: number, last: number): void {
    this.lastRange = [first, last];
    const total = this.state.total;
    const end = total === null ? last : Math.min(last, total - 1);
    const missing: number[] = [];
    for (let page = Math.floor(Math.max(0, first) / PAGE_SIZE); page <= Math.floor(Math.max(0, end) / PAGE_SIZE); page++) {
      if (!this.pages.has(page) && !this.pending.has(page)) missing.push(page);
    }
    if (missing.length === 0) return;
    if (total === null || this.pages.size === 0) {
      for (const page of missing) void this.fetch(page);
      return;
    }
    // Dragging the scroll bar across 20,000 pictures would otherwise ask for every page on the
    // way: while the grid moves, pages are asked for at most every SETTLE_MS, and only those on
    // screen at that moment.
    if (this.settleTimer !== null) return;
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      const [from, to] = this.lastRange;
      const lastIndex = this.state.total === null ? to : Math.min(to, this.state.total - 1);
      for (let page = Math.floor(Math.max(0, from) / PAGE_SIZE); page <= Math.floor(Math.max(0, lastIndex) / PAGE_SIZE); page++) {
        if (!this.pages.has(page) && !this.pending.has(page)) void this.fetch(page);
      }
    }, SETTLE_MS);
  }

  /** The library changed: fetch what is on screen again, keeping it visible meanwhile. */
  refresh(): void {
    this.generation++;
    for (const [page, items] of this.pages) this.stale.set(page, items);
    this.pages = new Map();
    this.pending.clear();
    const [first, last] = this.lastRange;
    this.ensure(first, last);
    if (this.pages.size === 0 && this.pending.size === 0) void this.fetch(0);
  }

  /** After an error: start again from the top. */
  retry(): void {
    this.stale.clear();
    this.update({ status: 'loading', message: null });
    this.refresh();
  }

  /** The grid shows this pager: load the first page (again, after a stop). */
  start(): void {
    this.stopped = false;
    if (this.pages.size === 0) this.refresh();
  }

  /** The grid moved on to another query: answers still on their way are dropped. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    this.pending.clear();
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
  }

  private async fetch(page: number): Promise<void> {
    const generation = this.generation;
    this.pending.add(page);
    try {
      const answer = await easel().library.query({ ...this.query, limit: PAGE_SIZE, offset: page * PAGE_SIZE });
      if (this.stopped || generation !== this.generation) return;
      this.pages.set(page, answer.items);
      this.stale.delete(page);
      // Pages past the new end would show pictures that are gone.
      const lastPage = Math.ceil(answer.total / PAGE_SIZE) - 1;
      for (const key of this.stale.keys()) if (key > lastPage) this.stale.delete(key);
      this.update({ status: 'ready', total: answer.total, message: null });
    } catch (error) {
      if (this.stopped || generation !== this.generation) return;
      this.update({ status: 'error', message: errorOf(error).message });
    } finally {
      if (generation === this.generation) this.pending.delete(page);
    }
  }

  private update(patch: Partial<LibraryPagesState>): void {
    this.state = { ...this.state, ...patch, revision: this.state.revision + 1 };
    for (const listener of this.listeners) listener();
  }
}

/**
 * The pages for `query`: a new pager whenever the query changes, refreshed whenever the
 * library does. The caller reads items with `pages.itemAt(i)` and asks with `pages.ensure()`.
 */
export function useLibraryPages(query: LibraryFilterQuery): { pages: LibraryPages; state: LibraryPagesState } {
  const [pages, setPages] = useState(() => new LibraryPages(query));
  // A new query replaces the pager during render, so no frame shows the old query's pictures.
  let shown = pages;
  if (pages.key !== JSON.stringify(query)) {
    shown = new LibraryPages(query);
    setPages(shown);
  }

  useEffect(() => {
    shown.start();
    return () => shown.stop();
  }, [shown]);

  const version = useStore(libraryVersion);
  const seen = useRef(version);
  useEffect(() => {
    if (version === seen.current) return;
    seen.current = version;
    shown.refresh();
  }, [version, shown]);

  const state = useSyncExternalStore(shown.subscribe, shown.getState);
  return { pages: shown, state };
}
