import { describe, expect, it } from 'vitest'
import { search, tokens } from '../search'
import type { Article } from '../types'

function article(id: string, titleZh: string, titleEn: string, bodyZh: string, bodyEn: string, tags: string[] = []): Article {
  return {
    id,
    product: 'general',
    tags,
    title: { 'zh-CN': titleZh, en: titleEn },
    body: { 'zh-CN': bodyZh, en: bodyEn },
    version: 1,
    createdBy: 'manager',
    createdAt: '2026-11-29T00:00:00Z',
    updatedBy: 'manager',
    updatedAt: '2026-11-29T00:00:00Z',
  }
}

const capture = article('capture', '系统故障时如何手工登记客户', 'Capturing customers by hand', 'CRM 无法使用时，改为手工登记客户的姓名和电话。', "When the CRM is down, write down the customer's name and phone.", ['capture'])
const power = article('power', '停电时的应答', 'Answering during a power outage', '停电超过三十分钟要报告领导。', 'Report to leadership after thirty minutes without power.')
const prices = article('prices', '常用资费与营业时间', 'Common prices and opening hours', '营业厅每天九点开门。', 'Shops open at nine every day.')
const all = [capture, power, prices]

// The same cases as the server's KnowledgeSearchTest: the device searches exactly as the server does.
describe('knowledge search on the device', () => {
  it('cuts Chinese into bigrams and keeps a single character alone', () => {
    expect([...tokens('停电应急', false)]).toEqual(['停电', '电应', '应急'])
    expect([...tokens('电', false)]).toEqual(['电'])
    expect([...tokens('CRM故障 Callbacks', false)]).toEqual(['crm', '故障', 'callback'])
  })

  it('finds a Chinese word without spaces', () => {
    expect(search(all, '手工登记', 'zh-CN').map((h) => h.article.id)).toEqual(['capture'])
    expect(search(all, '停电', 'zh-CN').map((h) => h.article.id)).toEqual(['power'])
    expect(search(all, '客户手工登记', 'zh-CN')[0]?.article.id).toBe('capture')
  })

  it('matches English words regardless of case and plural, with a snippet in the reader’s language', () => {
    const hits = search(all, 'Customer PHONES', 'en')
    expect(hits.map((h) => h.article.id)).toEqual(['capture'])
    expect(hits[0]?.title).toBe('Capturing customers by hand')
    expect(hits[0]?.snippet).toContain('phone')
  })

  it('ranks a title match above a body match, and Traditional Chinese readers fall back to Simplified', () => {
    const inBody = article('other', '其他', 'Other', '这里提到了营业时间。', 'Mentions opening hours.')
    const hits = search([inBody, prices], '营业时间', 'zh-TW')
    expect(hits.map((h) => h.article.id)).toEqual(['prices', 'other'])
    expect(hits[0]?.title).toBe('常用资费与营业时间')
  })

  it('finds nothing for nothing', () => {
    expect(search(all, '火警', 'zh-CN')).toEqual([])
    expect(search(all, '  ', 'zh-CN')).toEqual([])
  })
})
