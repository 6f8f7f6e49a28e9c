import { type FormEvent, useMemo, useState } from 'react';
import { allIso3, countryName } from '../../../platform/countries.js';
import {
  CATEGORIES,
  categoryLabel,
  genderLabel,
  RANKS,
  rankLabel,
} from '../../../platform/i18n/i18n.js';
import {
  apiErrors,
  CheckboxField,
  ErrorSummary,
  type Errors,
  errorFor,
  SelectField,
  TextField,
} from '../../components/forms.js';
import { useI18n } from '../../i18n.js';
import type { Category, Participant, ParticipantInput } from '../../types.js';

interface Values {
  familyNameEn: string;
  givenNameEn: string;
  familyNameJa: string;
  givenNameJa: string;
  titleEn: string;
  titleJa: string;
  rank: string;
  category: string;
  email: string;
  gender: string;
  nationality: string;
  dateOfBirth: string;
  passportNumber: string;
  consentToPublish: boolean;
}

const empty: Values = {
  familyNameEn: '',
  givenNameEn: '',
  familyNameJa: '',
  givenNameJa: '',
  titleEn: '',
  titleJa: '',
  rank: '',
  category: '',
  email: '',
  gender: '',
  nationality: '',
  dateOfBirth: '',
  passportNumber: '',
  consentToPublish: false,
};

function fromParticipant(p: Participant): Values {
  return {
    familyNameEn: p.familyName.en ?? '',
    givenNameEn: p.givenName.en ?? '',
    familyNameJa: p.familyName.ja ?? '',
    givenNameJa: p.givenName.ja ?? '',
    titleEn: p.title.en ?? '',
    titleJa: p.title.ja ?? '',
    rank: p.rank,
    category: p.category,
    email: p.email ?? '',
    gender: p.gender ?? '',
    nationality: p.nationality ?? '',
    dateOfBirth: p.dateOfBirth ?? '',
    passportNumber: p.passportNumber ?? '',
    consentToPublish: p.consentToPublish,
  };
}

function localized(en: string, ja: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (en.trim()) out.en = en.trim();
  if (ja.trim()) out.ja = ja.trim();
  return out;
}

function toInput(v: Values): ParticipantInput {
  const input: ParticipantInput = {
    familyName: localized(v.familyNameEn, v.familyNameJa),
    givenName: localized(v.givenNameEn, v.givenNameJa),
    title: localized(v.titleEn, v.titleJa),
    rank: v.rank,
    category: v.category,
    consentToPublish: v.consentToPublish,
  };
  if (v.email.trim()) input.email = v.email.trim();
  if (v.gender) input.gender = v.gender;
  if (v.nationality) input.nationality = v.nationality;
  if (v.dateOfBirth) input.dateOfBirth = v.dateOfBirth;
  if (v.passportNumber.trim()) input.passportNumber = v.passportNumber.trim();
  return input;
}

/** Where the server's error details point (field paths of ParticipantInput) → the inputs' ids. */
const FIELD_IDS: Record<string, string> = {
  familyName: 'familyNameEn',
  'familyName.en': 'familyNameEn',
  'familyName.ja': 'familyNameJa',
  givenName: 'givenNameEn',
  'givenName.en': 'givenNameEn',
  'givenName.ja': 'givenNameJa',
  title: 'titleEn',
  'title.en': 'titleEn',
  'title.ja': 'titleJa',
  rank: 'rank',
  category: 'category',
  email: 'email',
  gender: 'gender',
  nationality: 'nationality',
  dateOfBirth: 'dateOfBirth',
  passportNumber: 'passportNumber',
};

export function MemberForm({
  participant,
  categories,
  submitLabel,
  onSubmit,
}: {
  participant?: Participant;
  categories: Category[];
  submitLabel: string;
  /** Saves; a thrown error is shown in the error summary. */
  onSubmit: (input: ParticipantInput) => Promise<void>;
}) {
  const { lang, t, errorText } = useI18n();
  const [values, setValues] = useState<Values>(() =>
    participant ? fromParticipant(participant) : empty,
  );
  const [errors, setErrors] = useState<Errors>([]);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const countries = useMemo(() => {
    const collator = new Intl.Collator(lang);
    return allIso3()
      .map((code) => ({ value: code, label: countryName(code, lang) }))
      .filter((c) => c.label !== c.value)
      .sort((a, b) => collator.compare(a.label, b.label));
  }, [lang]);
  const categoryCodes = categories.length > 0 ? categories.map((c) => c.code) : [...CATEGORIES];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = [];
    if (!values.familyNameEn.trim())
      found.push({ field: 'familyNameEn', message: t('member.familyNameMissing') });
    if (!values.rank) found.push({ field: 'rank', message: t('member.rankMissing') });
    if (!values.category) found.push({ field: 'category', message: t('member.categoryMissing') });
    if (values.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email.trim()))
      found.push({ field: 'email', message: t('member.emailInvalid') });
    setErrors(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await onSubmit(toInput(values));
      if (!participant) setValues(empty);
    } catch (error) {
      setErrors(apiErrors(error, errorText, FIELD_IDS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate className="member-form">
      <ErrorSummary errors={errors} />
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('member.sectionName')}</legend>
        <p className="hint">{t('member.sectionName.hint')}</p>
        <div className="field-row">
          <TextField
            id="familyNameEn"
            label={t('member.familyNameEn')}
            lang="en"
            autoComplete="off"
            value={values.familyNameEn}
            onChange={set('familyNameEn')}
            error={errorFor(errors, 'familyNameEn')}
          />
          <TextField
            id="givenNameEn"
            label={t('member.givenNameEn')}
            lang="en"
            autoComplete="off"
            optional
            value={values.givenNameEn}
            onChange={set('givenNameEn')}
            error={errorFor(errors, 'givenNameEn')}
          />
        </div>
        <div className="field-row">
          <TextField
            id="familyNameJa"
            label={t('member.familyNameJa')}
            lang="ja"
            autoComplete="off"
            optional
            value={values.familyNameJa}
            onChange={set('familyNameJa')}
            error={errorFor(errors, 'familyNameJa')}
          />
          <TextField
            id="givenNameJa"
            label={t('member.givenNameJa')}
            lang="ja"
            autoComplete="off"
            optional
            value={values.givenNameJa}
            onChange={set('givenNameJa')}
            error={errorFor(errors, 'givenNameJa')}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('member.sectionRole')}</legend>
        <p className="hint">{t('member.titleHint')}</p>
        <div className="field-row">
          <TextField
            id="titleEn"
            label={t('member.titleEn')}
            lang="en"
            optional
            value={values.titleEn}
            onChange={set('titleEn')}
            error={errorFor(errors, 'titleEn')}
          />
          <TextField
            id="titleJa"
            label={t('member.titleJa')}
            lang="ja"
            optional
            value={values.titleJa}
            onChange={set('titleJa')}
            error={errorFor(errors, 'titleJa')}
          />
        </div>
        <div className="field-row">
          <SelectField
            id="rank"
            label={t('member.rank')}
            placeholder={t('member.choose')}
            options={RANKS.map((r) => ({ value: r, label: rankLabel(lang, r) }))}
            value={values.rank}
            onChange={set('rank')}
            error={errorFor(errors, 'rank')}
          />
          <SelectField
            id="category"
            label={t('member.category')}
            placeholder={t('member.choose')}
            options={categoryCodes.map((c) => ({ value: c, label: categoryLabel(lang, c) }))}
            value={values.category}
            onChange={set('category')}
            error={errorFor(errors, 'category')}
          />
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend className="fieldset__legend">{t('member.sectionContact')}</legend>
        <p className="hint">{t('member.personalDataHint')}</p>
        <div className="field-row">
          <TextField
            id="email"
            label={t('member.email')}
            type="email"
            inputMode="email"
            spellCheck={false}
            autoComplete="off"
            optional
            value={values.email}
            onChange={set('email')}
            error={errorFor(errors, 'email')}
          />
          <SelectField
            id="gender"
            label={t('member.gender')}
            optional
            placeholder="—"
            options={['female', 'male', 'other'].map((g) => ({
              value: g,
              label: genderLabel(lang, g),
            }))}
            value={values.gender}
            onChange={set('gender')}
            error={errorFor(errors, 'gender')}
          />
        </div>
        <div className="field-row">
          <SelectField
            id="nationality"
            label={t('member.nationality')}
            optional
            placeholder="—"
            options={countries}
            value={values.nationality}
            onChange={set('nationality')}
            error={errorFor(errors, 'nationality')}
          />
          <TextField
            id="dateOfBirth"
            label={t('member.dateOfBirth')}
            type="date"
            optional
            width="medium"
            value={values.dateOfBirth}
            onChange={set('dateOfBirth')}
            error={errorFor(errors, 'dateOfBirth')}
          />
        </div>
        <TextField
          id="passportNumber"
          label={t('member.passportNumber')}
          optional
          width="medium"
          spellCheck={false}
          autoComplete="off"
          value={values.passportNumber}
          onChange={set('passportNumber')}
          error={errorFor(errors, 'passportNumber')}
        />
      </fieldset>
      <CheckboxField
        id="consentToPublish"
        label={t('member.consent')}
        checked={values.consentToPublish}
        onChange={set('consentToPublish')}
      />
      <button type="submit" className="button" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
