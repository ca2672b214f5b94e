/**
 * A question's form controls, prerendered asleep: every `<form>`, `<input>`,
 * `<select>`, `<option>` and `<textarea>` of a quiz island is written as a
 * `<div>` or `<span>` that carries its tag in `data-dormant` and its attributes
 * (other than `class` and `id`) under `data-d-`. The page's loader puts the
 * real elements back when the question nears the screen (`wakeControls`).
 *
 * Why: a page that holds forms and fields makes Chromium's autofill and
 * password manager check each one as the page finishes loading, and each
 * check lays out the question it sits in. So questions could not skip their
 * layout off screen (`content-visibility`) like the rest of the note, and laying
 * them all out was the largest part of the work after a long note's first
 * paint. Asleep, a question is text and boxes, and is laid out only when near.
 */
export const DORMANT = 'data-dormant';
/** The prefix a sleeping control's own attributes are kept under. */
export const DORMANT_PREFIX = 'data-d-';
/** Attributes a stand-in keeps as they are: its look (`class`) and links to it (`id`). */
export const KEPT_AS_IS: ReadonlySet<string> = new Set(['class', 'id']);
/** The tags that sleep; a form's stand-in is a block (it holds fieldsets), the others are inline. */
export const DORMANT_TAGS: readonly string[] = ['form', 'input', 'select', 'option', 'textarea'];
