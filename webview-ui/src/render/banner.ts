/** The banner of a file the form cannot represent: why, and a way to open it as text. Nothing is written. */
import { el } from '../dom';

export function renderBanner(file: string, reason: string, openAsText: () => void): HTMLElement {
  return el('div', { attrs: { id: 'banner', role: 'region', 'aria-labelledby': 'banner-title' }, cls: 'banner' },
    el('h2', { attrs: { id: 'banner-title' }, text: 'This file cannot be shown as a form' }),
    el('p', { cls: 'file', text: file }),
    el('p', { cls: 'reason', text: reason }),
    el('vscode-button', { key: 'open-as-text', attrs: { id: 'open-as-text' }, on: { click: () => openAsText() } }, 'Open as text'));
}
