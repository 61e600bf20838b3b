// Where an SMS goes: nowhere but the database ('console', for development and offices without a
// gateway contract: the message is kept and shown at /admin/messages), or a generic HTTP gateway
// configured by a URL template, as Bangladeshi bulk-SMS providers take them.
import type { SmsSettings } from '../core/config.ts';

export interface SmsGateway {
  readonly name: 'console' | 'http';
  /** Resolves once the gateway has taken the message; rejects (to be tried again) when it has not. */
  send(to: string, text: string): Promise<void>;
}

export const consoleGateway: SmsGateway = { name: 'console', send: async () => undefined };

const GATEWAY_TIMEOUT_MS = 10_000;

function fill(template: string, to: string, text: string, escape: (value: string) => string): string {
  return template.replace(/\{(to|text)\}/g, (_whole, name: string) => escape(name === 'to' ? to : text));
}

/** Bangladeshi numbers as gateways want them: 8801XXXXXXXXX. */
const international = (mobile: string) => (mobile.startsWith('0') ? `88${mobile}` : mobile);

export function httpGateway(settings: Extract<SmsSettings, { gateway: 'http' }>): SmsGateway {
  const jsonBody = settings.body?.trim().startsWith('{') ?? false;
  return {
    name: 'http',
    async send(to, text) {
      const number = international(to);
      const url = fill(settings.url, number, text, encodeURIComponent);
      const headers: Record<string, string> = {};
      if (settings.authorization) headers.authorization = settings.authorization;
      let body: string | undefined;
      if (settings.method === 'POST' && settings.body) {
        body = fill(settings.body, number, text, jsonBody ? (value) => JSON.stringify(value).slice(1, -1) : encodeURIComponent);
        headers['content-type'] = jsonBody ? 'application/json' : 'application/x-www-form-urlencoded';
      }
      const response = await fetch(url, { method: settings.method, headers, body, signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS) });
      // the answer's text may echo the credentials or the message: only its status is kept
      await response.body?.cancel();
      if (!response.ok) throw new Error(`the SMS gateway answered ${response.status}`);
    },
  };
}

export function smsGatewayFor(settings: SmsSettings): SmsGateway {
  return settings.gateway === 'http' ? httpGateway(settings) : consoleGateway;
}
