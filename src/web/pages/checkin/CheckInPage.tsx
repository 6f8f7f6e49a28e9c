import jsqrModule from 'jsqr';
import { type FormEvent, useCallback, useEffect, useRef, useState } from 'react';
import {
  categoryLabel,
  formatShortDate,
  formatTime,
  localizedText,
} from '../../../platform/i18n/i18n.js';
import { api } from '../../api.js';
import { LoadError } from '../../components/common.js';
import { TextField } from '../../components/forms.js';
import { useEdition, useEditionSlug } from '../../hooks.js';
import { useI18n } from '../../i18n.js';
import type { CheckInResult } from '../../types.js';

// jsqr is a UMD bundle: typed as a CommonJS module whose `default` is the decoder, while the
// bundler's interop may hand over the decoder itself. Accept both.
type Decode = typeof jsqrModule.default;
const jsQR: Decode =
  typeof jsqrModule === 'function'
    ? (jsqrModule as Decode)
    : (jsqrModule as { default: Decode }).default;

type Outcome = { kind: 'result'; result: CheckInResult } | { kind: 'error'; error: unknown } | null;

/** The same code read twice within this time is one scan, not two. */
const REPEAT_MS = 4000;

export function CheckInPage() {
  const { lang, t, errorText } = useI18n();
  const [slug] = useEditionSlug();
  const edition = useEdition(slug);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [camera, setCamera] = useState<'off' | 'starting' | 'on' | 'unavailable'>('off');
  const [busy, setBusy] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef(0);
  const last = useRef<{ code: string; at: number }>({ code: '', at: 0 });

  const submit = useCallback(
    async (value: string) => {
      const trimmed = value.trim();
      if (!trimmed) return;
      setBusy(true);
      try {
        setOutcome({ kind: 'result', result: await api.checkIn(slug, trimmed) });
      } catch (error) {
        setOutcome({ kind: 'error', error });
      } finally {
        setBusy(false);
      }
    },
    [slug],
  );

  const stop = useCallback(() => {
    cancelAnimationFrame(frame.current);
    for (const track of stream.current?.getTracks() ?? []) track.stop();
    stream.current = null;
    setCamera((c) => (c === 'unavailable' ? c : 'off'));
  }, []);

  useEffect(() => stop, [stop]);

  const scan = useCallback(() => {
    const v = video.current;
    const c = canvas.current;
    if (!v || !c || !stream.current) return;
    if (v.readyState >= v.HAVE_ENOUGH_DATA && v.videoWidth > 0) {
      // Scan a reduced frame: enough for a badge held up to the camera, and quick on a phone.
      const scale = Math.min(1, 640 / v.videoWidth);
      c.width = Math.round(v.videoWidth * scale);
      c.height = Math.round(v.videoHeight * scale);
      const context = c.getContext('2d', { willReadFrequently: true });
      if (context) {
        context.drawImage(v, 0, 0, c.width, c.height);
        const image = context.getImageData(0, 0, c.width, c.height);
        const found = jsQR(image.data, image.width, image.height, {
          inversionAttempts: 'dontInvert',
        });
        const now = performance.now();
        if (
          found?.data &&
          (found.data !== last.current.code || now - last.current.at > REPEAT_MS)
        ) {
          last.current = { code: found.data, at: now };
          setCode(found.data);
          void submit(found.data);
        }
      }
    }
    frame.current = requestAnimationFrame(scan);
  }, [submit]);

  const start = async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('unavailable');
      return;
    }
    setCamera('starting');
    try {
      const media = await navigator.mediaDevices.getUserMedia({
        video: { facingMode: 'environment' },
        audio: false,
      });
      stream.current = media;
      if (video.current) {
        video.current.srcObject = media;
        await video.current.play();
      }
      setCamera('on');
      frame.current = requestAnimationFrame(scan);
    } catch {
      stop();
      setCamera('unavailable');
    }
  };

  const typed = (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setCodeError(t('checkin.codeMissing'));
      return;
    }
    setCodeError('');
    void submit(code);
  };

  const zone = edition.data?.timeZone ?? 'UTC';
  return (
    <div className="checkin">
      <h1 className="heading-xl">{t('checkin.title')}</h1>
      {edition.data ? <p className="caption">{localizedText(lang, edition.data.name)}</p> : null}
      {edition.error ? <LoadError error={edition.error} /> : null}
      <p>{t('checkin.intro')}</p>

      <div className="checkin__result" aria-live="assertive" aria-atomic="true">
        {outcome?.kind === 'result' ? (
          <div
            className={
              outcome.result.result === 'checked_in'
                ? 'result result--ok'
                : 'result result--already'
            }
          >
            <p className="result__headline">
              {outcome.result.result === 'checked_in'
                ? t('checkin.checkedIn')
                : t('checkin.alreadyAt', {
                    time: formatTime(lang, outcome.result.checkedInAt, zone),
                    date: formatShortDate(lang, outcome.result.checkedInAt, zone),
                  })}
            </p>
            <div className="result__person">
              {outcome.result.participant.hasPhoto ? (
                <img
                  className="result__photo"
                  src={api.photoUrl(outcome.result.participant.id)}
                  alt=""
                  width={72}
                  height={96}
                />
              ) : null}
              <div>
                <p className="result__name">{outcome.result.participant.displayName}</p>
                <p className="result__org">{outcome.result.participant.organisation}</p>
                <p className="result__category">
                  <svg
                    width="20"
                    height="20"
                    viewBox="0 0 20 20"
                    aria-hidden="true"
                    focusable="false"
                    className="swatch"
                  >
                    <rect
                      x="0.5"
                      y="0.5"
                      width="19"
                      height="19"
                      rx="3"
                      fill={outcome.result.participant.categoryColour}
                      stroke="#0b0c0c"
                    />
                  </svg>{' '}
                  {categoryLabel(lang, outcome.result.participant.category)}
                </p>
              </div>
            </div>
          </div>
        ) : null}
        {outcome?.kind === 'error' ? (
          <div className="result result--error">
            <p className="result__headline">{t('checkin.failed')}</p>
            <p>{errorText(outcome.error)}</p>
          </div>
        ) : null}
      </div>

      <section className="checkin__camera" aria-label={t('checkin.cameraLabel')}>
        <div
          className={
            camera === 'on' || camera === 'starting'
              ? 'viewfinder'
              : 'viewfinder viewfinder--hidden'
          }
        >
          <video ref={video} muted playsInline aria-label={t('checkin.cameraLabel')} />
          <canvas ref={canvas} hidden />
        </div>
        {camera === 'on' ? <p className="hint">{t('checkin.scanning')}</p> : null}
        {camera === 'unavailable' ? (
          <p className="notice notice--warning" role="alert">
            {t('checkin.cameraUnavailable')}
          </p>
        ) : null}
        {camera === 'on' || camera === 'starting' ? (
          <button type="button" className="button button--secondary" onClick={stop}>
            {t('checkin.stopCamera')}
          </button>
        ) : (
          <button type="button" className="button button--secondary" onClick={() => void start()}>
            {t('checkin.startCamera')}
          </button>
        )}
      </section>

      <form onSubmit={typed} noValidate className="checkin__form">
        <TextField
          id="badge-code"
          label={t('checkin.code')}
          spellCheck={false}
          autoComplete="off"
          value={code}
          onChange={setCode}
          error={codeError || undefined}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('checkin.submit')}
        </button>
      </form>
    </div>
  );
}
