import type { ChannelField, ChannelName } from './types'

/** The settings of each channel (docs/api.md, "Notifications"); `secret` ones are write-only. */
export const CHANNEL_FIELDS: Record<ChannelName, readonly ChannelField[]> = {
  app: [],
  push: [{ name: 'subject', type: 'text', placeholder: 'mailto:it@example.com' }],
  email: [
    { name: 'host', type: 'text', placeholder: 'smtp.example.com' },
    { name: 'port', type: 'number', placeholder: '25' },
    { name: 'from', type: 'text', placeholder: 'stormdesk@example.com' },
    { name: 'username', type: 'text' },
    { name: 'password', type: 'secret' },
    { name: 'starttls', type: 'switch' },
    { name: 'ssl', type: 'switch' },
  ],
  sms: [
    { name: 'url', type: 'url', placeholder: 'https://sms.example.com/send?to={phone}' },
    { name: 'body', type: 'template', placeholder: '{"to":"{phone}","text":"{text}"}' },
    { name: 'authorization', type: 'secret' },
  ],
  webhook: [
    { name: 'url', type: 'url', placeholder: 'https://example.com/hooks/stormdesk' },
    { name: 'secret', type: 'secret' },
  ],
  dingtalk: [
    { name: 'url', type: 'url', placeholder: 'https://oapi.dingtalk.com/robot/send?access_token=…' },
    { name: 'secret', type: 'secret' },
  ],
  wecom: [{ name: 'url', type: 'url', placeholder: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…' }],
  feishu: [
    { name: 'url', type: 'url', placeholder: 'https://open.feishu.cn/open-apis/bot/v2/hook/…' },
    { name: 'secret', type: 'secret' },
  ],
  slack: [{ name: 'url', type: 'url', placeholder: 'https://hooks.slack.com/services/…' }],
}

/** Channels that send to a person's address, where a test may name one. */
export const ADDRESSED: readonly ChannelName[] = ['email', 'sms']
