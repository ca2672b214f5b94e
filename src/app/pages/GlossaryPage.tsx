import { Link, useLoaderData } from 'react-router';
import type { GlossaryGroup } from '../../shared/glossary.ts';
import { glossaryHead } from '../../shared/pageHead.ts';
import { notePath } from '../../shared/routes.ts';
import { useDocumentHead } from '../head/useDocumentHead.ts';
import { useStartOnMount } from '../hooks/useStartOnMount.ts';

interface GlossaryData {
  groups: GlossaryGroup[];
  noteTitles: Record<string, string>;
}

/** Every term (its own chunk, only for this page and the review page). */
export async function glossaryLoader(): Promise<GlossaryData> {
  const { glossaryGroups, noteTitles } = await import('virtual:study-notes/glossary');
  return { groups: glossaryGroups, noteTitles };
}

/**
 * /glossary/: every term of every note, Korean terms in 가나다 order under
 * their initial consonant, then terms in Latin letters A to Z (see
 * `groupGlossary`), each with its definition, the note that teaches it and
 * the notes that link it. A term's links in the notes land on its entry
 * (`#<id>`), which is highlighted. The switch for term flashcards lives here.
 * Prerendered, it is HTML with the island loader (no React); the app renders
 * it when reached from one of its own pages.
 */
export function GlossaryPage() {
  const { groups, noteTitles } = useLoaderData() as GlossaryData;
  useDocumentHead(glossaryHead());
  const count = groups.reduce((sum, group) => sum + group.entries.length, 0);

  return (
    <div className="practice glossary">
      <header className="practice-header">
        <h1 tabIndex={-1}>용어집</h1>
        <p className="practice-lead">
          노트에 나오는 용어 {count}개의 뜻입니다. 한글 용어는 가나다순으로, 영문 약어와 설정 이름은 그 뒤에
          알파벳순으로 모았습니다.
        </p>
      </header>
      <TermCardsSetting count={count} />
      <nav className="glossary-index" aria-label="용어 색인">
        <ul>
          {groups.map((group) => (
            <li key={group.id}>
              <a href={`#${group.id}`}>{group.label}</a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => (
        <section key={group.id} className="glossary-group" aria-labelledby={group.id}>
          <h2 id={group.id}>{group.label}</h2>
          <dl className="glossary-list">
            {group.entries.map((entry) => (
              <div key={entry.id} id={entry.id} className="glossary-entry">
                <dt>
                  <dfn>{entry.term}</dfn>
                  {entry.also.length > 0 && <span className="glossary-also"> ({entry.also.join(', ')})</span>}
                </dt>
                <dd>
                  {/* Trusted: compiled from our own content by the build (inline Markdown only). */}
                  <p className="glossary-definition" dangerouslySetInnerHTML={{ __html: entry.definition.html }} />
                  <p className="glossary-notes">
                    <span>
                      설명: <Link to={notePath(entry.definedIn)}>{noteTitles[entry.definedIn]}</Link>
                    </span>
                    {entry.usedIn.some((slug) => slug !== entry.definedIn) && (
                      <span>
                        {' · '}쓰인 노트:{' '}
                        {entry.usedIn
                          .filter((slug) => slug !== entry.definedIn)
                          .map((slug, index) => (
                            <span key={slug}>
                              {index > 0 && ', '}
                              <Link to={notePath(slug)}>{noteTitles[slug]}</Link>
                            </span>
                          ))}
                      </span>
                    )}
                  </p>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

/**
 * The learner's switch for studying terms as flashcards in the review queue
 * (off until turned on). Prerendered unchecked and disabled; the island
 * loader brings it to life with study/termCardsSetting.ts, and here, rendered
 * by the app, the same code runs from an effect.
 */
function TermCardsSetting({ count }: { count: number }) {
  const section = useStartOnMount<HTMLElement>((element) =>
    import('../study/termCardsSetting.ts').then((module) => module.startTermCardsSetting(element)),
  );
  return (
    <section className="glossary-cards" aria-labelledby="term-cards-title" ref={section}>
      <h2 id="term-cards-title">용어 카드</h2>
      {/* The whole line is the target (44 px tall), not only the box. */}
      <label className="glossary-cards-switch">
        <input id="study-terms" type="checkbox" disabled aria-describedby="study-terms-help" />
        복습에 용어 카드도 넣기
      </label>
      <p id="study-terms-help" className="glossary-cards-help">
        켜면 용어 {count}개가 앞면에 용어, 뒷면에 뜻이 적힌 플래시카드로 <Link to="/review/">복습</Link>에 문제와 함께
        나옵니다. 하루 새 문제 수 안에서 조금씩 나옵니다.
      </p>
    </section>
  );
}

export default GlossaryPage;
