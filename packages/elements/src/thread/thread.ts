import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { html as staticHtml } from 'lit/static-html.js';
import { MentorKitError, TEXT_LIMITS, isMentorKitError, localTimeOf, toMentorKitError, type Message } from '@mentorkit/core';
import { isUnread, linkify, messagingFeature, sentAtOf, type MessageSearchHit, type MessagingApi, type QuietHours } from '@mentorkit/core/messaging';
import { ClockController } from '../internal/clock-controller.js';
import { emit } from '../internal/emit.js';
import { browserTimeZone, formatDayTime, formatList, formatWallClock } from '../internal/format.js';
import { LocaleController } from '../internal/localize.js';
import { errorText } from '../field-errors/field-errors.js';
import { headingTag } from '../internal/heading.js';
import { renderLoadError } from '../internal/frame.js';
import { MkElement } from '../internal/mk-element.js';
import { StoreController } from '../internal/store-controller.js';
import { describedByWithCounter, renderTextCounter, textLimit, textLimitMessage, textLimitStyles } from '../text-limit/text-limit.js';
import { threadLanguages, threadMessages } from './thread.messages.js';
import { threadStyles } from './thread.styles.js';

/** Messages of the last six days show their weekday and time; older ones their date (with the year when it is another). */
const WEEKDAY_ONLY_MS = 6 * 86_400_000;

export interface MkMessageDetail {
  messageId: string;
  pairingId: string;
  kind: 'text' | 'voice';
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mk-message-send': CustomEvent<MkMessageDetail>;
    'mk-message-edit': CustomEvent<MkMessageDetail>;
    'mk-message-delete': CustomEvent<MkMessageDetail>;
  }
}

/** Messages rendered at once when the thread opens, and added per "load older/newer". */
export const THREAD_PAGE_SIZE = 40;
/** At most this many messages are in the DOM; older or newer ones are loaded as the person scrolls. */
export const THREAD_MAX_RENDERED = 160;

const formatDuration = (seconds: number) => {
  const whole = Math.max(0, Math.round(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
};

type RecorderState =
  | { phase: 'idle' }
  | { phase: 'requesting' }
  | { phase: 'recording'; startedAt: number; elapsed: number }
  | { phase: 'recorded'; blob: Blob; durationSeconds: number; url: string }
  | { phase: 'error'; message: string };

/**
 * @summary A pairing's conversation: text and voice notes, the recipient's local time and a
 * quiet-hours notice before sending, unread markers, and history that stays smooth with thousands
 * of messages.
 *
 * @description Shows the thread of `pairing-id` (`kit.messaging`). Messages are an ARIA feed
 * (`role="feed"`): Tab reaches the newest message, Page Up/Page Down and the arrow keys move
 * between messages, and older history loads as you scroll up (or with "Load older messages"); only
 * a window of messages is in the DOM at once. Links are shown only for `http:`/`https:` URLs (core's
 * `linkify`); everything else is text. Your own messages can be edited and deleted (the audit trail
 * stays in core). Voice notes are recorded with the microphone (MediaRecorder), previewed, sent
 * through the storage adapter's blob support and played back with their duration. Above the
 * composer each recipient's local time is shown, with a notice when it is outside their working
 * hours and when they will be notified. Mentors of a pairing can switch to the mentors' shared
 * notes (`notes`), which the mentee does not see unless a note is shared. The composer and the
 * edit box show a counter from 80 % of core's `TEXT_LIMITS.message.text`; over it the text is
 * marked, kept whole (no `maxlength` cuts a paste) and sending waits with a message.
 *
 * Messages from others are marked read only once they are actually seen (an IntersectionObserver:
 * at least half of a message in view, in the window and the log, while the page is visible — not when
 * a thread far below the fold renders); the unread badge stays in the heading until then. A "New
 * messages" divider marks the first unread one when the thread opens, and the log opens there when
 * the newest messages do not all fit.
 *
 * @fires {CustomEvent<MkMessageDetail>} mk-message-send - You sent a message or voice note.
 * @fires {CustomEvent<MkMessageDetail>} mk-message-edit - You edited a message.
 * @fires {CustomEvent<MkMessageDetail>} mk-message-delete - You deleted a message.
 *
 * @csspart base - The card.
 * @csspart heading - The heading.
 * @csspart unread-count - The unread badge.
 * @csspart channels - The conversation / mentors' notes switch.
 * @csspart search - The search field.
 * @csspart search-status - How many messages match.
 * @csspart log - The scrolling area around the feed.
 * @csspart feed - The feed of messages (`role="feed"`).
 * @csspart load-older - The "Load older messages" button.
 * @csspart load-newer - The "Load newer messages" button.
 * @csspart message - One message (an article); carries `data-mine`, `data-kind`, `data-deleted`.
 * @csspart author - The author's name.
 * @csspart time - When it was sent.
 * @csspart edited - The "edited" marker.
 * @csspart text - The text of a message.
 * @csspart link - A link in a message.
 * @csspart voice - A voice note's player and duration.
 * @csspart duration - A voice note's duration.
 * @csspart deleted - The placeholder of a deleted message.
 * @csspart receipt - "Read by …" under your latest message.
 * @csspart unread-divider - The "New messages" divider.
 * @csspart quiet-hours - The recipients' local time and quiet-hours notice.
 * @csspart composer - The message form.
 * @csspart send - The send button.
 * @csspart counter - The composer's or edit box's character counter (`data-state="near"` or `"over"`).
 * @csspart record - The record / stop button.
 * @csspart recording - The recording indicator.
 * @csspart voice-preview - The recorded note before sending.
 * @csspart error - An error box.
 * @csspart empty - The message when there is nothing to show.
 * @csspart report - The "Report" button on someone else's message: opens `<mk-raise-concern>` about it in a dialog.
 * @csspart report-dialog - The modal dialog with the report form (focus returns to the button when it closes).
 *
 * @cssprop [--mk-thread-height=28rem] - Height of the message feed.
 * @cssprop [--mk-thread-background=var(--mk-color-surface)] - Card background.
 * @cssprop [--mk-thread-log-background=var(--mk-color-surface-raised)] - Feed background.
 * @cssprop [--mk-thread-bubble-background=var(--mk-color-surface)] - Message background.
 * @cssprop [--mk-thread-border-color=var(--mk-color-border)] - Card border colour.
 * @cssprop [--mk-thread-radius=var(--mk-radius-lg)] - Card corner radius.
 * @cssprop [--mk-thread-padding=var(--mk-space-4)] - Card inner spacing.
 */
export class MkThread extends MkElement {
  static override styles = [MkElement.styles, textLimitStyles, threadStyles];

  private readonly me = new StoreController(this, () => this.currentKit?.$me);
  private readonly people = new StoreController(this, () => this.currentKit?.$people);
  private readonly featureStatus = new StoreController(this, () => this.api?.$status);
  private readonly threads = new StoreController(this, () => this.api?.$threads);
  private readonly reads = new StoreController(this, () => this.api?.$reads);
  private readonly channelMessages = new StoreController(this, () =>
    this.api && this.shownPairingId ? this.api.messages(this.shownPairingId, { notes: this.notes }) : undefined,
  );
  private readonly clock = new ClockController(this);
  private readonly i18n = new LocaleController(this, 'mk-thread', threadMessages, threadLanguages);

  @state() private windowStart = 0;
  @state() private windowEnd = 0;
  @state() private following = true;
  @state() private query = '';
  @state() private editingId: string | undefined;
  @state() private confirmDeleteId: string | undefined;
  @state() private busy = false;
  @state() private actionError: MentorKitError | undefined;
  /** What is typed in the composer and in the message being edited (for their counters). */
  @state() private composerText = '';
  @state() private editText: string | undefined;
  @state() private recorder: RecorderState = { phase: 'idle' };
  @state() private audioUrls = new Map<string, string>();
  @state() private announcement = '';
  /** The message being reported (its dialog is open). */
  @state() private reportingId: string | undefined;

  private readMarkerAtOpen: string | undefined;
  private openedKey: string | undefined;
  private loadingAudio = new Set<string>();
  private mediaRecorder: MediaRecorder | undefined;
  private mediaStream: MediaStream | undefined;
  private recordingTimer: ReturnType<typeof setInterval> | undefined;
  private pendingScroll: { kind: 'bottom' } | { kind: 'keep'; height: number; top: number } | undefined = { kind: 'bottom' };
  private observer: IntersectionObserver | undefined;
  /** Watches the unread messages of others in the viewport: they are marked read once seen, not when rendered. */
  private seenObserver: IntersectionObserver | undefined;
  /** Unread messages seen so far in this channel (ids): the read marker moves over them, in order. */
  private seen = new Set<string>();
  /** The first unread message of this opening has been seen: from there on, the newest one seen counts. */
  private startedReading = false;
  private markReadQueued = false;
  private lastCount = 0;

  /** The pairing whose conversation to show. Default: the client's current pairing (`kit.$currentPairingId`). */
  @property({ attribute: 'pairing-id', reflect: true }) pairingId?: string | undefined;

  /** Show the mentors' shared notes instead of the conversation (mentors only). */
  @property({ type: Boolean, reflect: true }) notes = false;

  /** Level of the heading (1–6). */
  @property({ attribute: 'heading-level', type: Number, reflect: true }) headingLevel = 2;

  /** BCP 47 locale for texts and times, e.g. `en-GB`, `es`. Default: the nearest `lang`, else the browser's. */
  @property() locale?: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.handleVisibilityChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.handleVisibilityChange);
    this.observer?.disconnect();
    this.observer = undefined;
    this.seenObserver?.disconnect();
    this.seenObserver = undefined;
    this.stopStream();
    clearInterval(this.recordingTimer);
    if (this.recorder.phase === 'recorded') URL.revokeObjectURL(this.recorder.url);
    for (const url of this.audioUrls.values()) if (url) URL.revokeObjectURL(url);
    this.audioUrls = new Map();
    this.loadingAudio.clear();
  }

  override willUpdate(changed: PropertyValues<this>): void {
    const key = `${this.shownPairingId ?? ''}|${this.notes}`;
    const messages = this.channelMessages.value ?? [];
    if (changed.has('notes') || key !== this.openedKey) {
      if (this.api && this.featureStatus.value === 'ready') {
        this.openedKey = key;
        this.seen = new Set();
        this.startedReading = false;
        this.readMarkerAtOpen = this.shownPairingId ? this.api.lastRead(this.shownPairingId, { notes: this.notes }) : undefined;
        this.windowEnd = messages.length;
        this.windowStart = Math.max(0, messages.length - THREAD_PAGE_SIZE);
        this.following = true;
        this.pendingScroll = { kind: 'bottom' };
        this.editingId = undefined;
        this.editText = undefined;
        this.confirmDeleteId = undefined;
        this.lastCount = messages.length;
      }
    } else if (messages.length !== this.lastCount) {
      // New messages (or a shared note) arrived: follow them when at the bottom.
      const grew = messages.length > this.lastCount;
      this.lastCount = messages.length;
      if (this.following) {
        this.windowEnd = messages.length;
        this.windowStart = Math.max(0, Math.min(this.windowStart, messages.length - 1), messages.length - THREAD_MAX_RENDERED);
        if (grew) this.pendingScroll = { kind: 'bottom' };
      } else {
        this.windowEnd = Math.min(this.windowEnd, messages.length);
        this.windowStart = Math.min(this.windowStart, this.windowEnd);
      }
    }
  }

  override updated(): void {
    const log = this.renderRoot.querySelector<HTMLElement>('[part~="log"]');
    if (log && this.pendingScroll) {
      if (this.pendingScroll.kind === 'bottom') {
        const divider = this.renderRoot.querySelector<HTMLElement>('[part~="unread-divider"]');
        log.scrollTop = log.scrollHeight;
        // Open at the first unread message when the newest ones do not all fit (positions measured on screen, wherever the thread is on the page).
        const dividerTop = divider ? divider.getBoundingClientRect().top - log.getBoundingClientRect().top + log.scrollTop : undefined;
        if (dividerTop !== undefined && dividerTop < log.scrollHeight - log.clientHeight) log.scrollTop = Math.max(0, dividerTop - 8);
      } else {
        log.scrollTop = this.pendingScroll.top + (log.scrollHeight - this.pendingScroll.height);
      }
      this.pendingScroll = undefined;
    }
    if (log) this.observeSentinels(log);
    this.loadVisibleAudio();
    this.observeUnread();
  }

  private get api(): MessagingApi | undefined {
    return this.currentKit?.use(messagingFeature);
  }

  /**
   * Observes the unread messages from others. A message counts as seen when at least half of it (or
   * half the viewport, for a tall one) is in view — in the window's viewport and the log's scroll area
   * alike, so a thread far below the fold marks nothing — while the page is visible.
   */
  private observeUnread(): void {
    if (typeof IntersectionObserver !== 'function') return;
    this.seenObserver ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          const seen =
            entry.isIntersecting &&
            (entry.intersectionRatio >= 0.5 || entry.intersectionRect.height >= 0.5 * (entry.rootBounds?.height ?? Number.POSITIVE_INFINITY));
          if (seen) this.seen.add((entry.target as HTMLElement).dataset.messageId!);
        }
        this.queueMarkRead();
      },
      { threshold: [0, 0.5, 1] },
    );
    this.seenObserver.disconnect();
    for (const article of this.renderRoot.querySelectorAll('article[data-unread]')) this.seenObserver.observe(article);
  }

  private readonly handleVisibilityChange = (): void => {
    if (document.visibilityState === 'visible') this.queueMarkRead();
  };

  private observeSentinels(log: HTMLElement): void {
    if (typeof IntersectionObserver !== 'function') return;
    if (!this.observer || (this.observer as unknown as { root?: Element | undefined }).root !== log) {
      this.observer?.disconnect();
      this.observer = new IntersectionObserver(
        (entries) => {
          for (const entry of entries) {
            if (!entry.isIntersecting) continue;
            const which = (entry.target as HTMLElement).dataset.sentinel;
            if (which === 'top' && this.windowStart > 0) this.loadOlder();
            if (which === 'bottom' && !this.following) this.loadNewer();
          }
        },
        { root: log, rootMargin: '200px 0px' },
      );
    }
    this.observer.disconnect();
    for (const sentinel of this.renderRoot.querySelectorAll('[data-sentinel]')) this.observer.observe(sentinel);
  }

  /**
   * Moves the read marker up to the newest unread message seen, once the first unread one has been seen
   * (reading starts there — the thread opens at the "New messages" divider — and scrolling or jumping
   * down from it passes what lies between; the marker is one instant per channel). Unread messages
   * older than the rendered window were skipped on purpose and go with it. One write at a time; what
   * is seen meanwhile follows.
   */
  private queueMarkRead(): void {
    const api = this.api;
    const pairingId = this.shownPairingId;
    if (!api || !pairingId || this.markReadQueued || this.query !== '') return;
    if (typeof document !== 'undefined' && document.visibilityState === 'hidden') return;
    const unread = [...this.renderRoot.querySelectorAll<HTMLElement>('article[data-unread]')].map((article) => article.dataset.messageId!);
    if (unread.length === 0) return;
    this.startedReading ||= this.seen.has(unread[0]!);
    const upTo = this.startedReading ? unread.findLast((id) => this.seen.has(id)) : undefined;
    if (!upTo) return;
    this.markReadQueued = true;
    void api
      .markRead(pairingId, { notes: this.notes, upTo })
      .catch(() => undefined)
      .finally(() => {
        this.markReadQueued = false;
        void this.updateComplete.then(() => this.queueMarkRead());
      });
  }

  private loadVisibleAudio(): void {
    const api = this.api;
    if (!api) return;
    for (const element of this.renderRoot.querySelectorAll<HTMLElement>('[data-voice-id]')) {
      const id = element.dataset.voiceId!;
      if (this.audioUrls.has(id) || this.loadingAudio.has(id)) continue;
      this.loadingAudio.add(id);
      void api
        .voiceAudio(id)
        .then((blob) => {
          if (!this.isConnected) return;
          const next = new Map(this.audioUrls);
          next.set(id, blob ? URL.createObjectURL(blob) : '');
          this.audioUrls = next;
        })
        .catch(() => {
          const next = new Map(this.audioUrls);
          next.set(id, '');
          this.audioUrls = next;
        })
        .finally(() => this.loadingAudio.delete(id));
    }
  }

  private loadOlder(): void {
    const log = this.renderRoot.querySelector<HTMLElement>('[part~="log"]');
    const start = Math.max(0, this.windowStart - THREAD_PAGE_SIZE);
    if (start === this.windowStart) return;
    this.pendingScroll = log ? { kind: 'keep', height: log.scrollHeight, top: log.scrollTop } : undefined;
    this.windowStart = start;
    if (this.windowEnd - start > THREAD_MAX_RENDERED) {
      this.windowEnd = start + THREAD_MAX_RENDERED;
      this.following = false;
    }
  }

  private loadNewer(): void {
    const total = (this.channelMessages.value ?? []).length;
    const end = Math.min(total, this.windowEnd + THREAD_PAGE_SIZE);
    const log = this.renderRoot.querySelector<HTMLElement>('[part~="log"]');
    this.pendingScroll = log ? { kind: 'keep', height: log.scrollHeight, top: log.scrollTop } : undefined;
    if (end - this.windowStart > THREAD_MAX_RENDERED) {
      // Dropping messages above the view: keep the visible ones where they are.
      this.pendingScroll = undefined;
      this.windowStart = end - THREAD_MAX_RENDERED;
    }
    this.windowEnd = end;
    if (end === total) this.following = true;
  }

  private jumpToLatest(): void {
    const total = (this.channelMessages.value ?? []).length;
    this.windowEnd = total;
    this.windowStart = Math.max(0, total - THREAD_PAGE_SIZE);
    this.following = true;
    this.pendingScroll = { kind: 'bottom' };
  }

  private handleFeedKeydown(event: KeyboardEvent): void {
    const article = (event.target as HTMLElement).closest?.('article');
    if (!article || event.target !== article) return;
    const articles = [...this.renderRoot.querySelectorAll<HTMLElement>('article[part~="message"]')];
    const index = articles.indexOf(article);
    let next: HTMLElement | undefined;
    if (event.key === 'PageDown' || event.key === 'ArrowDown') next = articles[index + 1];
    else if (event.key === 'PageUp' || event.key === 'ArrowUp') next = articles[index - 1];
    else if (event.key === 'Home' && event.ctrlKey) next = articles[0];
    else if (event.key === 'End' && event.ctrlKey) next = articles[articles.length - 1];
    else return;
    event.preventDefault();
    if (!next) {
      if ((event.key === 'PageUp' || event.key === 'ArrowUp') && this.windowStart > 0) {
        const id = article.dataset.messageId;
        this.loadOlder();
        void this.updateComplete.then(() => {
          const all = [...this.renderRoot.querySelectorAll<HTMLElement>('article[part~="message"]')];
          const again = all.findIndex((candidate) => candidate.dataset.messageId === id);
          this.focusArticle(all[again - 1] ?? all[0]);
        });
      } else if ((event.key === 'PageDown' || event.key === 'ArrowDown') && !this.following) {
        const id = article.dataset.messageId;
        this.loadNewer();
        void this.updateComplete.then(() => {
          const all = [...this.renderRoot.querySelectorAll<HTMLElement>('article[part~="message"]')];
          const again = all.findIndex((candidate) => candidate.dataset.messageId === id);
          this.focusArticle(all[again + 1] ?? all[all.length - 1]);
        });
      }
      return;
    }
    this.focusArticle(next);
  }

  private focusArticle(article: HTMLElement | undefined): void {
    if (!article) return;
    for (const candidate of this.renderRoot.querySelectorAll<HTMLElement>('article[part~="message"]')) candidate.tabIndex = -1;
    article.tabIndex = 0;
    article.focus();
  }

  private handleScroll(event: Event): void {
    const log = event.currentTarget as HTMLElement;
    const total = (this.channelMessages.value ?? []).length;
    const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 24;
    const following = atBottom && this.windowEnd === total;
    if (following !== this.following) this.following = following;
  }

  private async run<T>(action: () => Promise<T>): Promise<T | undefined> {
    this.busy = true;
    this.actionError = undefined;
    try {
      return await action();
    } catch (error) {
      this.actionError = isMentorKitError(error) ? error : toMentorKitError(error);
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  private async handleSend(event: Event): Promise<void> {
    event.preventDefault();
    const api = this.api;
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea[name="message"]');
    if (!api || !this.shownPairingId || !textarea || this.busy) return;
    const text = textarea.value;
    if (text.trim() === '') {
      this.actionError = new MentorKitError('invalid-input', this.i18n.t('error.empty'), { path: 'message.text' });
      textarea.focus();
      return;
    }
    // Over core's limit (TEXT_LIMITS.message.text) nothing is sent and nothing is cut: the text stays, marked.
    if (textLimit(text, TEXT_LIMITS.message.text).over) {
      this.composerText = text;
      this.actionError = new MentorKitError('invalid-input', textLimitMessage('limit.blocked', this.i18n.locale), { path: 'message.text' });
      textarea.focus();
      return;
    }
    const pairingId = this.shownPairingId;
    const sent = await this.run(() => api.send({ pairingId, text, mentorsOnly: this.notes }));
    if (sent) {
      textarea.value = '';
      this.composerText = '';
      this.readMarkerAtOpen = sentAtOf(sent);
      this.jumpToLatest();
      this.announcement = this.i18n.t('announce.sent');
      emit(this, 'mk-message-send', { messageId: sent.id, pairingId, kind: 'text' });
      textarea.focus();
    }
  }

  private handleComposerKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void this.handleSend(event);
  }

  private stopStream(): void {
    for (const track of this.mediaStream?.getTracks() ?? []) track.stop();
    this.mediaStream = undefined;
  }

  private async startRecording(): Promise<void> {
    if (this.recorder.phase === 'recorded') URL.revokeObjectURL(this.recorder.url);
    this.recorder = { phase: 'requesting' };
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      this.mediaStream = stream;
      const type = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'].find((candidate) =>
        MediaRecorder.isTypeSupported?.(candidate),
      );
      const recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      const chunks: Blob[] = [];
      const startedAt = performance.now();
      recorder.addEventListener('dataavailable', (event) => {
        if (event.data.size > 0) chunks.push(event.data);
      });
      recorder.addEventListener('stop', () => {
        clearInterval(this.recordingTimer);
        this.stopStream();
        const durationSeconds = Math.round(((performance.now() - startedAt) / 1000) * 10) / 10;
        const blob = new Blob(chunks, { type: recorder.mimeType || type || 'audio/webm' });
        if (blob.size === 0) {
          this.recorder = { phase: 'error', message: this.i18n.t('record.nothing') };
          return;
        }
        this.recorder = { phase: 'recorded', blob, durationSeconds, url: URL.createObjectURL(blob) };
        this.announcement = this.i18n.t('announce.recorded', { duration: formatDuration(durationSeconds) });
        void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="voice-preview"] button.primary')?.focus());
      });
      this.mediaRecorder = recorder;
      recorder.start(250);
      this.recorder = { phase: 'recording', startedAt, elapsed: 0 };
      this.announcement = this.i18n.t('announce.recording');
      this.recordingTimer = setInterval(() => {
        if (this.recorder.phase === 'recording') this.recorder = { ...this.recorder, elapsed: (performance.now() - this.recorder.startedAt) / 1000 };
      }, 250);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="record"]')?.focus();
    } catch (error) {
      this.stopStream();
      const denied = (error as { name?: string | undefined }).name === 'NotAllowedError';
      this.recorder = {
        phase: 'error',
        message: denied ? this.i18n.t('record.denied') : this.i18n.t('record.impossible', { reason: (error as Error).message ?? String(error) }),
      };
    }
  }

  private stopRecording(): void {
    if (this.mediaRecorder && this.mediaRecorder.state !== 'inactive') this.mediaRecorder.stop();
  }

  private discardRecording(): void {
    if (this.recorder.phase === 'recorded') URL.revokeObjectURL(this.recorder.url);
    this.recorder = { phase: 'idle' };
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~="record"]')?.focus());
  }

  private async sendRecording(): Promise<void> {
    const api = this.api;
    const recording = this.recorder;
    if (!api || !this.shownPairingId || recording.phase !== 'recorded') return;
    const pairingId = this.shownPairingId;
    const sent = await this.run(() => api.sendVoice({ pairingId, audio: recording.blob, durationSeconds: recording.durationSeconds, mentorsOnly: this.notes }));
    if (sent) {
      URL.revokeObjectURL(recording.url);
      this.recorder = { phase: 'idle' };
      this.readMarkerAtOpen = sentAtOf(sent);
      this.jumpToLatest();
      this.announcement = this.i18n.t('announce.voice-sent');
      emit(this, 'mk-message-send', { messageId: sent.id, pairingId, kind: 'voice' });
    }
  }

  private async saveEdit(message: Message): Promise<void> {
    const api = this.api;
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-edit="${CSS.escape(message.id)}"]`);
    if (!api || !textarea) return;
    if (textLimit(textarea.value, TEXT_LIMITS.message.text).over) {
      this.editText = textarea.value;
      this.actionError = new MentorKitError('invalid-input', textLimitMessage('limit.blocked', this.i18n.locale), { path: 'text' });
      textarea.focus();
      return;
    }
    const saved = await this.run(() => api.edit(message.id, textarea.value));
    if (saved) {
      this.editingId = undefined;
      this.editText = undefined;
      emit(this, 'mk-message-edit', { messageId: saved.id, pairingId: saved.pairingId, kind: saved.kind });
      await this.updateComplete;
      this.focusArticle(this.renderRoot.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(message.id)}"]`) ?? undefined);
    }
  }

  /** Cancel or Escape: the editor goes, focus goes back to that message's Edit button. */
  private stopEditing(): void {
    const id = this.editingId;
    this.editingId = undefined;
    this.editText = undefined;
    if (id) this.focusAction(id, 'edit');
  }

  /**
   * Focus one of a message's buttons once rendered (`data-action`: edit, delete, keep, share), else the
   * message itself: the button the person used was replaced (by an editor, by the question "Delete
   * this message?", or by the answer), and focus must not fall to the page's <body>.
   */
  private focusAction(messageId: string, action: string): void {
    void this.updateComplete.then(() => {
      const article = this.renderRoot.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"]`);
      const button = article?.querySelector<HTMLElement>(`[data-action="${action}"]`);
      if (button) button.focus();
      else this.focusArticle(article ?? undefined);
    });
  }

  private askDelete(messageId: string): void {
    this.confirmDeleteId = messageId;
    // The least destructive answer first (WAI-ARIA APG, alert dialog): Keep.
    this.focusAction(messageId, 'keep');
  }

  private keepMessage(messageId: string): void {
    this.confirmDeleteId = undefined;
    this.focusAction(messageId, 'delete');
  }

  private async confirmDelete(message: Message): Promise<void> {
    const api = this.api;
    if (!api) return;
    const deleted = await this.run(() => api.delete(message.id));
    if (deleted) {
      this.confirmDeleteId = undefined;
      this.announcement = this.i18n.t('announce.deleted');
      emit(this, 'mk-message-delete', { messageId: deleted.id, pairingId: deleted.pairingId, kind: deleted.kind });
      await this.updateComplete;
      this.focusArticle(this.renderRoot.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(message.id)}"]`) ?? undefined);
    }
  }

  private async share(message: Message): Promise<void> {
    const api = this.api;
    if (!api) return;
    const article = this.renderRoot.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(message.id)}"]`);
    const neighbour = (article?.nextElementSibling ?? article?.previousElementSibling) as HTMLElement | null | undefined;
    const shared = await this.run(() => api.share(message.id));
    if (shared) {
      this.announcement = this.i18n.t('announce.shared');
      // The note left the mentors' channel with its Share button: focus the message beside it, else the composer.
      await this.updateComplete;
      if (this.matches(':focus-within')) return;
      if (neighbour?.isConnected && neighbour.matches('article')) this.focusArticle(neighbour);
      else this.renderRoot.querySelector<HTMLElement>('textarea[name="message"]')?.focus();
    }
  }

  private nameOrSomeone(personId: string): string {
    return this.people.value?.[personId]?.displayName ?? this.i18n.t('someone');
  }

  private renderText(text: string, ranges?: Array<[number, number]>): TemplateResult {
    const tokens = linkify(text);
    const marked = (value: string, offset: number) => {
      if (!ranges || ranges.length === 0) return value;
      const parts: Array<string | TemplateResult> = [];
      let cursor = 0;
      for (const [start, end] of ranges) {
        const from = Math.max(start - offset, cursor);
        const to = Math.min(end - offset, value.length);
        if (to <= from || from >= value.length) continue;
        parts.push(value.slice(cursor, from), html`<mark>${value.slice(from, to)}</mark>`);
        cursor = to;
      }
      parts.push(value.slice(cursor));
      return parts;
    };
    let offset = 0;
    return html`<p part="text" class="text">${tokens.map((token) => {
      const start = offset;
      offset += token.text.length;
      return token.kind === 'link'
        ? html`<a part="link" href=${token.href} target="_blank" rel="noopener noreferrer nofollow ugc">${marked(token.text, start)}</a>`
        : marked(token.text, start);
    })}</p>`;
  }

  private renderMessage(
    message: Message,
    position: number,
    total: number,
    context: {
      viewerZone: string;
      locale: string | undefined;
      userId: string;
      lastOwnId: string | undefined;
      dividerBefore: string | undefined;
      focusable: boolean;
      lastRead: string | undefined;
      now: string;
      ranges?: Array<[number, number]>;
    },
  ): TemplateResult {
    const mine = message.authorId === context.userId;
    const sentAt = sentAtOf(message);
    const local = localTimeOf(context.viewerZone, sentAt);
    const metaId = `meta-${position}`;
    const deleted = message.deletedAt !== undefined;
    const editing = this.editingId === message.id;
    const confirming = this.confirmDeleteId === message.id;
    const receipts = mine && message.id === context.lastOwnId && !deleted ? (this.api?.readBy(message.id) ?? []) : [];
    const t = this.i18n;
    let body: TemplateResult;
    if (deleted) body = html`<p part="deleted" class="deleted">${t.t('deleted')}</p>`;
    else if (editing) {
      const editId = `edit-${position}`;
      const value = this.editText ?? message.text ?? '';
      const limit = textLimit(value, TEXT_LIMITS.message.text);
      body = html`<label class="visually-hidden" for=${editId}>${t.t('edit.label')}</label>
        <textarea id=${editId} data-edit=${message.id} .value=${live(value)} aria-invalid=${limit.over ? 'true' : 'false'} aria-describedby=${describedByWithCounter(editId, limit) ?? nothing}
          @input=${(event: Event) => (this.editText = (event.target as HTMLTextAreaElement).value)}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Escape') this.stopEditing();
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void this.saveEdit(message);
          }}></textarea>
        ${renderTextCounter(editId, limit, t.locale)}
        <div class="actions"><button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.saveEdit(message)}>${t.t('save')}</button><button type="button" @click=${() => this.stopEditing()}>${t.t('cancel')}</button></div>`;
    } else if (message.kind === 'voice' && message.voice) {
      const url = this.audioUrls.get(message.id);
      const label = t.t('voice.label', { name: this.nameOrSomeone(message.authorId), duration: formatDuration(message.voice.durationSeconds) });
      body = html`<div part="voice" class="voice" data-voice-id=${message.id}>
        ${url ? html`<audio controls preload="metadata" src=${url} aria-label=${label}></audio>` : url === '' ? html`<span class="muted">${t.t('voice.unavailable')}</span>` : html`<span class="muted">${t.t('voice.loading')}</span>`}
        <span part="duration" class="muted"><span class="visually-hidden">${t.t('voice.duration')} </span>${formatDuration(message.voice.durationSeconds)}</span>
      </div>`;
    } else body = this.renderText(message.text ?? '', context.ranges);
    return html`
      <article part="message" class="message" data-message-id=${message.id} data-sent-at=${sentAt} ?data-unread=${isUnread(message, context.userId, context.lastRead)} ?data-mine=${mine} data-kind=${message.kind} ?data-deleted=${deleted} aria-labelledby=${metaId} aria-posinset=${position} aria-setsize=${total} tabindex=${context.focusable ? '0' : '-1'}>
        ${context.dividerBefore === message.id ? html`<p part="unread-divider" class="unread-divider">${t.t('unread-divider')}</p>` : nothing}
        <p class="meta" id=${metaId}>
          <span part="author" class="author">${mine ? t.t('you') : this.nameOrSomeone(message.authorId)}</span>
          <time part="time" datetime=${sentAt}>${Date.parse(context.now) - Date.parse(sentAt) < WEEKDAY_ONLY_MS ? html`${formatWallClock(sentAt, context.viewerZone, context.locale, { weekday: true })}<span class="visually-hidden"> ${local.date}</span>` : formatDayTime(sentAt, context.viewerZone, context.locale, context.now)}</time>
          ${message.editedAt && !deleted ? html`<span part="edited">${t.t('edited')}</span>` : nothing}
          ${message.mentorsOnly ? html`<span class="muted">${t.t('mentors-only')}</span>` : nothing}
        </p>
        ${body}
        ${
          receipts.length > 0
            ? html`<p part="receipt" class="muted">${t.t('read-by', {
                names: formatList(
                  receipts.map((receipt) => this.nameOrSomeone(receipt.personId)),
                  context.locale,
                ),
              })}</p>`
            : nothing
        }
        ${
          mine && !deleted && !editing
            ? confirming
              ? html`<div class="actions" role="group" aria-label=${t.t('delete.group')}><span class="muted">${t.t('delete.question')}</span><button class="primary" type="button" ?disabled=${this.busy} @click=${() => this.confirmDelete(message)}>${t.t('delete')}</button><button type="button" data-action="keep" @click=${() => this.keepMessage(message.id)}>${t.t('keep')}</button></div>`
              : html`<div class="actions">
                ${message.kind === 'text' ? html`<button class="link" type="button" data-action="edit" @click=${() => ((this.editingId = message.id), (this.editText = undefined), this.updateComplete.then(() => this.renderRoot.querySelector<HTMLTextAreaElement>(`textarea[data-edit="${CSS.escape(message.id)}"]`)?.focus()))}>${t.t('edit')}<span class="visually-hidden"> ${t.t('message-sent', { time: formatWallClock(sentAt, context.viewerZone, context.locale) })}</span></button>` : nothing}
                <button class="link" type="button" data-action="delete" @click=${() => this.askDelete(message.id)}>${t.t('delete')}<span class="visually-hidden"> ${t.t('message-sent', { time: formatWallClock(sentAt, context.viewerZone, context.locale) })}</span></button>
                ${message.mentorsOnly ? html`<button class="link" type="button" @click=${() => this.share(message)}>${t.t('share')}</button>` : nothing}
              </div>`
            : nothing
        }
        ${
          !mine && !deleted
            ? html`<div class="actions"><button part="report" class="link" type="button" data-action="report" aria-haspopup="dialog" @click=${() => this.openReport(message.id)}>${t.t('report')}<span class="visually-hidden"> ${t.t('report.which', { name: this.nameOrSomeone(message.authorId), time: formatWallClock(sentAt, context.viewerZone, context.locale) })}</span></button></div>`
            : nothing
        }
      </article>
    `;
  }

  /** Opens the report dialog for a message (loading `<mk-raise-concern>` on first use). */
  private async openReport(messageId: string): Promise<void> {
    await import('../raise-concern/define.js');
    this.reportingId = messageId;
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog[part~="report-dialog"]');
    if (dialog && !dialog.open) dialog.showModal();
  }

  /** The dialog closed (Escape, the close button): focus goes back to the message's Report button. */
  private async handleReportClosed(): Promise<void> {
    const messageId = this.reportingId;
    this.reportingId = undefined;
    await this.updateComplete;
    if (messageId) this.renderRoot.querySelector<HTMLElement>(`article[data-message-id="${CSS.escape(messageId)}"] [data-action="report"]`)?.focus();
  }

  private renderReportDialog(): TemplateResult | typeof nothing {
    if (!this.reportingId) return nothing;
    const t = this.i18n;
    return html`<dialog part="report-dialog" class="report-dialog" aria-label=${t.t('report.dialog')} @close=${this.handleReportClosed}>
      <div class="report-dialog-header"><button class="link" type="button" @click=${(event: Event) => (event.target as HTMLElement).closest('dialog')?.close()}>${t.t('report.close')}</button></div>
      <mk-raise-concern .kit=${this.currentKit} message-id=${this.reportingId} heading-level="2" locale=${this.locale ?? nothing}></mk-raise-concern>
    </dialog>`;
  }

  private renderQuietHours(quiet: readonly QuietHours[], viewerDate: string, locale: string | undefined): TemplateResult {
    if (quiet.length === 0) return html``;
    const instant = this.currentKit!.now();
    const outside = quiet.some((entry) => entry.outsideWorkingHours);
    const t = this.i18n;
    return html`<div part="quiet-hours" class="quiet-hours" ?data-outside=${outside} role="note" aria-label=${t.t('quiet.label')}>
      ${quiet.map((entry) => {
        const sameDay = entry.local.date === viewerDate;
        const time = formatWallClock(instant, entry.timeZone, locale, { weekday: !sameDay });
        const name = this.nameOrSomeone(entry.personId);
        if (!entry.outsideWorkingHours)
          return html`<p>${t.t('quiet.time', { time, name })}${entry.availability === 'working' ? t.t('quiet.working') : ''}.</p>`;
        const next = entry.nextWorkingStart
          ? formatWallClock(entry.nextWorkingStart, entry.timeZone, locale, { weekday: entry.nextWorkingLocal?.date !== entry.local.date })
          : undefined;
        return html`<p><strong>${t.t('quiet.time', { time, name })}</strong> — ${t.t(entry.availability === 'off-limits' ? 'quiet.off-limits' : 'quiet.outside')}.
          ${next ? t.t('quiet.notified', { time: next }) : t.t('quiet.later')}</p>`;
      })}
    </div>`;
  }

  private renderRecorder(canRecord: boolean): TemplateResult {
    const recorder = this.recorder;
    const t = this.i18n;
    if (!canRecord) return html``;
    switch (recorder.phase) {
      case 'recording':
        return html`<span part="recording" class="recording"><span class="recording-dot" aria-hidden="true"></span>${t.t('recording', { duration: formatDuration(recorder.elapsed) })}</span>
          <button part="record" type="button" @click=${this.stopRecording}>${t.t('record.stop')}</button>`;
      case 'recorded':
        return html`<div part="voice-preview" class="voice" role="group" aria-label=${t.t('record.preview')}>
          <audio controls src=${recorder.url} aria-label=${t.t('record.yours', { duration: formatDuration(recorder.durationSeconds) })}></audio>
          <span class="muted">${formatDuration(recorder.durationSeconds)}</span>
          <button class="primary" type="button" ?disabled=${this.busy} @click=${this.sendRecording}>${t.t('record.send')}</button>
          <button type="button" @click=${this.discardRecording}>${t.t('record.discard')}</button>
        </div>`;
      default:
        return html`<button part="record" type="button" ?disabled=${recorder.phase === 'requesting'} @click=${this.startRecording}>${t.t('record.start')}</button>
          ${recorder.phase === 'error' ? html`<p part="error" class="error" role="alert">${recorder.message}</p>` : nothing}`;
    }
  }

  override render(): TemplateResult {
    const kit = this.currentKit;
    const api = this.api;
    const status = this.loadState;
    const featureStatus = this.featureStatus.value ?? 'loading';
    const t = this.i18n;
    const heading = (text: string) =>
      staticHtml`<${headingTag(this.headingLevel)} part="heading" class="heading" id="heading">${text}</${headingTag(this.headingLevel)}>`;
    const frame = (state: string, content: TemplateResult, title = t.t(this.notes ? 'notes' : 'conversation')) =>
      html`<section part="base" class="card" data-state=${state} aria-labelledby="heading" aria-busy=${state === 'loading' ? 'true' : 'false'}><div class="header">${heading(title)}</div>${content}</section>`;
    if (status === 'error' || featureStatus === 'error')
      return frame('error', renderLoadError(t.t('error.title'), this.loadErrorMessage ?? t.t('error.fallback'), { look: 'error' }));
    if (!kit || !api || status === 'loading' || featureStatus !== 'ready')
      return frame('loading', html`<p class="muted">${t.t('loading')}</p><div class="skeleton" aria-hidden="true"></div>`);
    const thread = this.shownPairingId ? api.thread(this.shownPairingId) : undefined;
    if (!thread) return frame('unavailable', html`<p part="empty" class="muted">${t.t('unavailable')}</p>`);
    const notes = this.notes && thread.hasNotes;
    const userId = kit.user.id;
    const viewerZone = this.me.value?.timeZone ?? browserTimeZone();
    const locale = t.locale;
    const instant = kit.now();
    const viewerDate = localTimeOf(viewerZone, instant).date;
    const all = this.channelMessages.value ?? [];
    const others = thread.members.filter((member) => member.personId !== userId).map((member) => this.nameOrSomeone(member.personId));
    const title = notes ? t.t('notes') : others.length > 0 ? t.t('conversation.with', { names: formatList(others, locale) }) : t.t('conversation');
    const unread = notes ? thread.notesUnreadCount : thread.unreadCount;
    void this.reads.value;
    const lastRead = api.lastRead(this.shownPairingId!, { notes });

    // Search: matching messages, newest last; otherwise the window.
    const searching = this.query.trim() !== '';
    const hits: MessageSearchHit[] = searching ? api.search(this.shownPairingId!, this.query, { notes, limit: THREAD_MAX_RENDERED }).reverse() : [];
    const start = searching ? 0 : Math.min(this.windowStart, all.length);
    const end = searching ? hits.length : Math.min(Math.max(this.windowEnd, start), all.length);
    const shown = searching ? hits.map((hit) => hit.message) : all.slice(start, end);
    const ranges = new Map(hits.map((hit) => [hit.message.id, hit.ranges]));
    const firstUnread = searching
      ? undefined
      : all.find(
          (message) =>
            message.authorId !== userId &&
            !message.deletedAt &&
            (this.readMarkerAtOpen === undefined || Date.parse(sentAtOf(message)) > Date.parse(this.readMarkerAtOpen)),
        );
    const lastOwn = [...all].reverse().find((message) => message.authorId === userId && !message.deletedAt);
    const canRecord =
      thread.canPost &&
      typeof MediaRecorder === 'function' &&
      typeof navigator !== 'undefined' &&
      !!navigator.mediaDevices?.getUserMedia &&
      typeof kit.storage.putBlob === 'function';
    const quiet = thread.canPost ? api.quietHours(this.shownPairingId!, { notes }) : [];
    const composerLimit = textLimit(this.composerText, TEXT_LIMITS.message.text);
    const total = searching ? hits.length : all.length;

    return html`<section part="base" class="card" data-state=${all.length === 0 ? 'empty' : 'ready'} aria-labelledby="heading" aria-busy="false">
      <div class="header">
        ${heading(title)}
        ${unread > 0 ? html`<span part="unread-count" class="badge" aria-label=${t.t('unread', { count: unread })}>${unread}</span>` : nothing}
      </div>
      <div class="toolbar">
        ${
          thread.hasNotes
            ? html`<div part="channels" class="toolbar" role="group" aria-label=${t.t('channels.label')}>
              <button type="button" aria-pressed=${notes ? 'false' : 'true'} @click=${() => (this.notes = false)}>${thread.unreadCount > 0 ? t.t('channel.new', { label: t.t('conversation'), count: thread.unreadCount }) : t.t('conversation')}</button>
              <button type="button" aria-pressed=${notes ? 'true' : 'false'} @click=${() => (this.notes = true)}>${thread.notesUnreadCount > 0 ? t.t('channel.new', { label: t.t('notes'), count: thread.notesUnreadCount }) : t.t('notes')}</button>
            </div>`
            : nothing
        }
        <label class="visually-hidden" for="search">${t.t('search.label')}</label>
        <input part="search" id="search" type="search" placeholder=${t.t('search.placeholder')} .value=${this.query} @input=${(event: InputEvent) => {
          this.query = (event.target as HTMLInputElement).value;
          if (this.query.trim() === '') this.jumpToLatest();
        }} />
        ${searching ? html`<span part="search-status" class="muted" role="status">${hits.length === 0 ? t.t('search.none') : t.t('search.count', { count: hits.length })}</span>` : nothing}
      </div>
      ${notes ? html`<p class="hint">${t.t('notes.hint')}</p>` : nothing}
      ${
        all.length === 0
          ? html`<p part="empty" class="muted">${t.t(notes ? 'empty.notes' : 'empty.messages')}</p>`
          : html`<div part="log" class="log" @scroll=${this.handleScroll}>
            ${!searching && start > 0 ? html`<div data-sentinel="top"></div><button part="load-older" type="button" @click=${this.loadOlder}>${t.t('load-older')}</button>` : nothing}
            <div part="feed" class="feed" role="feed" aria-busy="false" aria-label=${t.t('feed.label', { title, count: total })} @keydown=${this.handleFeedKeydown}>
            ${repeat(
              shown,
              (message) => message.id,
              (message, index) =>
                this.renderMessage(message, (searching ? 0 : start) + index + 1, total, {
                  viewerZone,
                  locale,
                  userId,
                  lastOwnId: lastOwn?.id,
                  lastRead,
                  now: instant,
                  dividerBefore: firstUnread?.id,
                  focusable: index === shown.length - 1,
                  ...(ranges.has(message.id) ? { ranges: ranges.get(message.id)! } : {}),
                }),
            )}
            </div>
            ${!searching && end < all.length ? html`<button part="load-newer" type="button" @click=${this.loadNewer}>${t.t('load-newer')}</button><div data-sentinel="bottom"></div>` : nothing}
          </div>`
      }
      ${!searching && end < all.length ? html`<button type="button" @click=${this.jumpToLatest}>${t.t('jump-latest')}</button>` : nothing}
      ${this.actionError ? html`<p part="error" class="error" role="alert">${errorText(this.actionError, this.i18n.locale, false)}</p>` : nothing}
      ${
        thread.canPost
          ? html`<form part="composer" class="composer" @submit=${this.handleSend}>
            ${this.renderQuietHours(quiet, viewerDate, locale)}
            <label for="composer-text">${t.t(notes ? 'composer.notes' : 'composer.message')}</label>
            <textarea id="composer-text" name="message" .value=${live(this.composerText)} aria-invalid=${composerLimit.over ? 'true' : 'false'} aria-describedby=${describedByWithCounter('composer-text', composerLimit, 'composer-hint') ?? nothing}
              @input=${(event: Event) => (this.composerText = (event.target as HTMLTextAreaElement).value)} @keydown=${this.handleComposerKeydown}></textarea>
            ${renderTextCounter('composer-text', composerLimit, locale)}
            <p id="composer-hint" class="hint">${t.t('composer.hint')}</p>
            <div class="composer-actions">
              <button part="send" class="primary" type="submit" ?disabled=${this.busy}>${t.t('send')}</button>
              ${this.renderRecorder(canRecord)}
            </div>
          </form>`
          : html`<p part="empty" class="muted">${t.t('read-only')}</p>`
      }
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderReportDialog()}
    </section>`;
  }
}
