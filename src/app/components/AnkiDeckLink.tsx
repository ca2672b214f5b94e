import type { ReactNode } from 'react';
import { noteDeckFileName, noteDeckPath, SITE_DECK_FILE_NAME, SITE_DECK_PATH } from '../../shared/ankiDecks.ts';

/**
 * A plain download link to a built Anki deck (src/node/anki): it works in
 * the prerendered HTML without any script, and offline once the service
 * worker has the file.
 */
export function AnkiDeckLink({
  slug,
  className,
  children,
}: {
  slug?: string;
  className?: string;
  /** The link text (default: "Anki 덱 내려받기", or "전체 Anki 덱 내려받기" for the whole site). */
  children?: ReactNode;
}) {
  const path = slug ? noteDeckPath(slug) : SITE_DECK_PATH;
  return (
    <a
      className={className}
      href={`${import.meta.env.BASE_URL}${path.slice(1)}`}
      download={slug ? noteDeckFileName(slug) : SITE_DECK_FILE_NAME}
      type="application/vnd.anki"
    >
      {children ?? (slug ? 'Anki 덱 내려받기' : '전체 Anki 덱 내려받기')}
      {/* A no-break space: the button is a flex box, which drops a plain leading space. */}
      <span className="anki-deck-format">{'\u00a0(.apkg)'}</span>
    </a>
  );
}
