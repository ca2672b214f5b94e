/** The prompt inside a legend when it is one paragraph (legend takes inline content only). */
export function Prompt({ html, fallback }: { html: string; fallback: string }) {
  const single = /^<p>((?:(?!<p>)[\s\S])*)<\/p>$/.exec(html.trim());
  if (single) return <legend className="quiz-prompt" dangerouslySetInnerHTML={{ __html: single[1] ?? '' }} />;
  return (
    <>
      <legend className="quiz-prompt">{fallback}</legend>
      {html && <div className="quiz-prompt-body" dangerouslySetInnerHTML={{ __html: html }} />}
    </>
  );
}
