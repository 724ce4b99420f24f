/** Minimal branded transactional templates; the e-mail automation issue moves them to Handlebars. */
export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

import { escapeHtml as escape } from '../http/html.js';

function layout(brand: string, heading: string, body: string, action: { label: string; url: string }): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;background:#f6f7fb;padding:24px">
<div style="max-width:520px;margin:auto;background:#fff;border-radius:12px;padding:32px">
<p style="font-weight:600;color:#6d28d9;margin:0 0 16px">${escape(brand)}</p>
<h1 style="font-size:20px;margin:0 0 12px">${escape(heading)}</h1>
<p style="color:#374151;line-height:1.5">${body}</p>
<p><a href="${escape(action.url)}" style="display:inline-block;background:#6d28d9;color:#fff;padding:10px 18px;border-radius:8px;text-decoration:none">${escape(action.label)}</a></p>
<p style="color:#6b7280;font-size:12px">Or paste this link into your browser: ${escape(action.url)}</p>
</div></body></html>`;
}

export const mailTemplates = {
  verifyEmail(p: { workspace: string; name: string; url: string }): RenderedMail {
    return {
      subject: `Confirm your e-mail for ${p.workspace}`,
      html: layout(p.workspace, `Hi ${p.name}, confirm your e-mail`, 'Confirm this address to keep your InstaGrowth workspace secure. The link is valid for 48 hours.', { label: 'Confirm e-mail', url: p.url }),
      text: `Hi ${p.name},\n\nConfirm your e-mail for ${p.workspace}: ${p.url}\n\nThe link is valid for 48 hours.`,
    };
  },
  resetPassword(p: { workspace: string; name: string; url: string }): RenderedMail {
    return {
      subject: `Reset your ${p.workspace} password`,
      html: layout(p.workspace, 'Reset your password', `Hi ${escape(p.name)}, someone asked to reset your password. If it was not you, ignore this e-mail. The link is valid for 1 hour and works once.`, { label: 'Choose a new password', url: p.url }),
      text: `Hi ${p.name},\n\nReset your password: ${p.url}\n\nValid for 1 hour. If you did not ask for this, ignore this e-mail.`,
    };
  },
  invitation(p: { workspace: string; inviter: string; role: string; url: string }): RenderedMail {
    return {
      subject: `${p.inviter} invited you to ${p.workspace}`,
      html: layout(p.workspace, `Join ${p.workspace}`, `${escape(p.inviter)} invited you to join as <b>${escape(p.role)}</b>. The invitation is valid for 7 days and works once.`, { label: 'Accept invitation', url: p.url }),
      text: `${p.inviter} invited you to join ${p.workspace} as ${p.role}: ${p.url}\n\nValid for 7 days.`,
    };
  },
  confirmEmailChange(p: { workspace: string; name: string; url: string }): RenderedMail {
    return {
      subject: `Confirm your new e-mail for ${p.workspace}`,
      html: layout(p.workspace, 'Confirm your new address', `Hi ${escape(p.name)}, follow this link to sign in with this address from now on. It is valid for 24 hours and works once. If you did not ask for this, ignore this e-mail.`, { label: 'Confirm new address', url: p.url }),
      text: `Hi ${p.name},\n\nConfirm your new address for ${p.workspace}: ${p.url}\n\nValid for 24 hours. If you did not ask for this, ignore this e-mail.`,
    };
  },
  instagramReconnect(p: { workspace: string; username: string; url: string }): RenderedMail {
    return {
      subject: `Reconnect @${p.username} to ${p.workspace}`,
      html: layout(p.workspace, `Reconnect @${p.username}`, `Instagram stopped accepting the connection for <b>@${escape(p.username)}</b>, so its data is no longer updated. Reconnect it to resume syncing.`, { label: 'Reconnect it', url: p.url }),
      text: `Instagram stopped accepting the connection for @${p.username}, so its data is no longer updated. Reconnect it: ${p.url}`,
    };
  },
  /** Client approvals: one template for a request, a decision and a comment (`headline` says which). */
  approvalUpdate(p: { workspace: string; headline: string; title: string; actor: string; comment?: string | null; url: string }): RenderedMail {
    const said = p.comment ? `<br><br><i>“${escape(p.comment)}”</i> — ${escape(p.actor)}` : '';
    return {
      subject: `${p.headline}: ${p.title}`,
      html: layout(p.workspace, p.headline, `<b>${escape(p.title)}</b>${said}`, { label: 'Open it', url: p.url }),
      text: `${p.headline}: ${p.title}\n${p.comment ? `\n“${p.comment}” — ${p.actor}\n` : ''}\nOpen it: ${p.url}`,
    };
  },
  magicLink(p: { workspace: string; name: string; url: string }): RenderedMail {
    return {
      subject: `Your sign-in link for ${p.workspace}`,
      html: layout(p.workspace, `Hi ${p.name}, sign in`, 'Follow this link to sign in. It is valid for 15 minutes and works once. If you did not ask for it, ignore this e-mail.', { label: 'Sign in', url: p.url }),
      text: `Hi ${p.name},\n\nSign in to ${p.workspace}: ${p.url}\n\nValid for 15 minutes, works once. If you did not ask for it, ignore this e-mail.`,
    };
  },
};
