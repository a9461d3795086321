/**
 * `<mk-provider>`'s notice of changes that were not saved: loaded on demand (when the client's storage
 * can refuse a change it had accepted, or one was refused), so a page whose storage never does that
 * never downloads it. The words come from `provider.messages.ts`; what each change was, from core's
 * `describeFailedWrite`.
 */
import { adoptStyles, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { describeFailedWrite, type FailedWriteDescription, type FailedWriteSubject, type MentorKit, type StorageWriteFailure } from '@mentorkit/core';
import { formatList } from '../internal/format.js';
import { LocaleController, translate, type MessageParameters } from '../internal/localize.js';
import { adoptThemeTokens } from '../theme/tokens.js';
import { failedWritesStyles } from './failed-writes.styles.js';
import { providerLanguages, providerMessages } from './provider.messages.js';

/** What names a change in its sentence: its title, or the other people (subjects absent here have no name). */
const NAMED_BY: Partial<Record<FailedWriteSubject, 'title' | 'people'>> = {
  message: 'people',
  'mentor-note': 'people',
  'read-marker': 'people',
  goal: 'title',
  feedback: 'title',
  session: 'title',
  agreement: 'people',
  'coaching-session': 'people',
  icebreaker: 'people',
  pairing: 'people',
  profile: 'people',
  programme: 'title',
};

type Translate = (id: string, parameters?: MessageParameters) => string;

/** The sentence naming a refused change and saying it was not kept: 'The goal “Ship the design review” was not saved.' */
function failedWriteSentence(description: FailedWriteDescription, t: Translate, locale: string | undefined): string {
  const namedBy = NAMED_BY[description.subject];
  const named = namedBy === 'title' ? description.title !== undefined : namedBy === 'people' && description.people.length > 0;
  const what = description.own
    ? t('subject.profile.own')
    : t(`subject.${description.subject}${named ? '' : '.unnamed'}`, { title: description.title ?? '', people: formatList(description.people, locale) });
  return t(description.kind === 'delete' ? 'not-deleted' : 'not-saved', { what });
}

/**
 * A refused change in words, with why: 'The goal “Ship the design review” was not saved. Kenji
 * changed this goal in the meantime.' — what `<mk-provider>` shows, for a host's own status line.
 * In `locale` when its catalogue is registered or loaded (English otherwise).
 */
export function failedWriteText(kit: MentorKit, failure: StorageWriteFailure, locale?: string): string {
  const t: Translate = (id, parameters) => translate('mk-provider', providerMessages, id, locale, parameters);
  const description = describeFailedWrite(kit, failure);
  return `${failedWriteSentence(description, t, locale)} ${description.reason}`;
}

/** The provider, as the notice sees it. */
type NoticeHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; locale?: string | undefined };

/**
 * Renders the notice inside the provider's live region and moves focus sensibly when a notice is
 * dismissed: to the next one's Dismiss button, else the previous one's, else back where focus was
 * before it entered the notice — or, when that is gone, to a short "All notices dismissed" line.
 */
export class FailedWritesNotice implements ReactiveController {
  private readonly i18n: LocaleController;
  /** The last element focused anywhere on the page but in the notice (where focus returns after the last notice). */
  private lastFocusedOutside: HTMLElement | undefined;
  /** After the next update: the index of the Dismiss button to focus, or the "all dismissed" line. */
  private focusAfterUpdate: number | 'done' | undefined;
  private showDone = false;

  constructor(private readonly host: NoticeHost) {
    this.i18n = new LocaleController(host, 'mk-provider', providerMessages, providerLanguages);
    host.addController(this);
    const root = host.renderRoot;
    if (root instanceof ShadowRoot)
      adoptStyles(root, [...(host.constructor as unknown as { elementStyles: Parameters<typeof adoptStyles>[1] }).elementStyles, failedWritesStyles]);
    adoptThemeTokens(host);
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    this.remember(active);
  }

  hostConnected(): void {
    document.addEventListener('focusin', this.handleFocusIn);
  }

  hostDisconnected(): void {
    document.removeEventListener('focusin', this.handleFocusIn);
  }

  hostUpdated(): void {
    const target = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    if (target === undefined) return;
    const root = this.host.renderRoot;
    const element = target === 'done' ? root.querySelector<HTMLElement>('.done') : root.querySelectorAll<HTMLElement>('[part~="dismiss"]')[target];
    element?.focus();
  }

  private readonly handleFocusIn = (event: FocusEvent): void => this.remember(event.composedPath()[0]);

  private remember(target: EventTarget | null | undefined): void {
    if (target instanceof HTMLElement && target !== document.body && !this.host.renderRoot.contains(target)) this.lastFocusedOutside = target;
  }

  private readonly handleDoneBlur = (): void => {
    this.showDone = false;
    this.host.requestUpdate();
  };

  private dismiss(kit: MentorKit, failure: StorageWriteFailure, index: number): void {
    const remaining = kit.$failedWrites.get().length - 1;
    if (remaining > 0) this.focusAfterUpdate = Math.min(index, remaining - 1);
    else this.leave();
    kit.dismissFailedWrite(failure);
  }

  private dismissAll(kit: MentorKit): void {
    this.leave();
    kit.dismissAllFailedWrites();
  }

  /** The notice is about to disappear: focus goes back where it was, or to the "all dismissed" line. */
  private leave(): void {
    const previous = this.lastFocusedOutside;
    if (previous?.isConnected) previous.focus();
    if (previous?.matches(':focus')) return;
    this.showDone = true;
    this.focusAfterUpdate = 'done';
  }

  render(kit: MentorKit, failures: readonly StorageWriteFailure[]): TemplateResult | typeof nothing {
    const t: Translate = (id, parameters) => this.i18n.t(id, parameters);
    if (failures.length === 0) {
      return this.showDone ? html`<p part="failed-writes-done" class="done" tabindex="-1" @blur=${this.handleDoneBlur}>${t('all-dismissed')}</p>` : nothing;
    }
    this.showDone = false;
    const locale = this.i18n.locale;
    return html`
      <section part="failed-writes" class="failed-writes" aria-labelledby="failed-writes-heading">
        <p part="failed-writes-heading" class="heading" id="failed-writes-heading">${t('heading', { count: failures.length })}</p>
        <ul part="failed-writes-list" class="list">
          ${repeat(
            failures,
            (failure) => failure,
            (failure, index) => {
              const description = describeFailedWrite(kit, failure);
              return html`<li part="failed-write" class="item" data-subject=${description.subject} data-code=${description.code}>
                <p part="failed-write-what" class="what" id="failed-write-${index}">${failedWriteSentence(description, t, locale)}</p>
                <p part="failed-write-reason" class="reason">${description.reason}</p>
                <button part="dismiss" class="dismiss" type="button" aria-describedby="failed-write-${index}" @click=${() => this.dismiss(kit, failure, index)}>${t('dismiss')}</button>
              </li>`;
            },
          )}
        </ul>
        ${failures.length > 1 ? html`<button part="dismiss-all" class="dismiss-all" type="button" @click=${() => this.dismissAll(kit)}>${t('dismiss-all')}</button>` : nothing}
      </section>
    `;
  }
}
