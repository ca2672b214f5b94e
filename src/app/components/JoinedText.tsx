import { splitJoined } from '../../shared/joinedWords.ts';

/** Plain text whose short joined words (2026-11-02, 제1·제2·제3) never break across lines. */
export function JoinedText({ text }: { text: string }) {
  return splitJoined(text).map((run, index) =>
    run.keep ? (
      <span key={index} className="nowrap">
        {run.text}
      </span>
    ) : (
      run.text
    ),
  );
}
