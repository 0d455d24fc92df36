import { describe, expect, it } from 'vitest'
import { markdownToHtml } from '../markdown'

// DOMPurify's half is proven in a real browser (e2e/knowledge.e2e.ts): happy-dom is no place to judge a sanitizer.
describe('article Markdown', () => {
  it('renders headings, lists, quotes and tables', () => {
    const html = markdownToHtml('## 开场\n1. 复述电话\n> 您好\n\n| a | b |\n| --- | --- |\n| 1 | 2 |')
    expect(html).toContain('<h2>开场</h2>')
    expect(html).toContain('<ol>')
    expect(html).toContain('<blockquote>')
    expect(html).toContain('<table>')
  })

  it('removes anything that could run', () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n[x](javascript:alert(3))')
    expect(html).not.toContain('<script')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
    expect(html).not.toContain('javascript:')
  })

  it('keeps web and telephone links', () => {
    expect(markdownToHtml('[vendor](https://example.com) [call](tel:4008001234)')).toContain('href="https://example.com"')
    expect(markdownToHtml('[call](tel:4008001234)')).toContain('href="tel:4008001234"')
  })
})
