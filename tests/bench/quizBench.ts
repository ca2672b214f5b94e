import { performance } from 'node:perf_hooks';
import { buildQueue, Rating, reviewCard, type Card } from '../../src/app/quiz/scheduler.ts';

/**
 * Time to build the review queue over 10,000 stored cards (a mix of new,
 * learning and remembered, some due), median and p95 of repeated runs.
 */
export function benchDueQueue(cardCount = 10_000, runs = 50): { median: number; p95: number; queued: number } {
  const now = new Date('2026-11-25T09:00:00Z');
  const ids: string[] = [];
  const cards = new Map<string, Card>();
  const day = 24 * 60 * 60 * 1000;
  for (let i = 0; i < cardCount; i++) {
    const id = `q-${i}`;
    ids.push(id);
    if (i % 5 === 0) continue; // never answered
    let card: Card | undefined;
    let at = new Date(now.getTime() - 120 * day + (i % 97) * day);
    for (let step = 0; step < 1 + (i % 4); step++) {
      card = reviewCard(card, i % 7 === 0 ? Rating.Again : Rating.Good, at).card;
      at = new Date(card.due.getTime() + (i % 3) * day);
    }
    if (card) cards.set(id, card);
  }
  const times: number[] = [];
  let queued = 0;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    queued = buildQueue(ids, cards, now, { newPerDay: 20, newStartedToday: 0 }).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)] ?? 0, p95: times[Math.floor(runs * 0.95)] ?? 0, queued };
}
