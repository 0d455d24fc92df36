import DOMPurify from 'dompurify'
import { Marked, type Tokens } from 'marked'

const SAFE_LINK = /^(https?:|mailto:|tel:|#|\/)/i

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Articles are Markdown, never HTML: raw HTML in the source is shown as text, and links go only to web, mail and
 * telephone addresses. What marked renders then passes through DOMPurify all the same.
 */
const markdown = new Marked({
  gfm: true,
  breaks: false,
  async: false,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag): string {
      return escapeHtml(token.text)
    },
  },
  walkTokens(token) {
    if ((token.type === 'link' || token.type === 'image') && !SAFE_LINK.test(token.href.trim())) {
      token.href = '#'
    }
  },
})

/** The Markdown as HTML, raw HTML escaped and unsafe links emptied (before DOMPurify). */
export function markdownToHtml(source: string): string {
  return markdown.parse(source, { async: false })
}

/** An article's Markdown as safe HTML; links open outside the app. */
export function renderMarkdown(source: string): string {
  const html = markdownToHtml(source)
  const clean = DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input'] })
  return clean.replace(/<a href=/g, '<a target="_blank" rel="noopener noreferrer" href=')
}
