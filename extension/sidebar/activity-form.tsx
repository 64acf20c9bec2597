/**
 * The fields each kind of activity asks for and what they send, in one place
 * for both forms that log one: a checklist item filled in place (GapForms)
 * and the care panel's logger. A new activity type with fields of its own
 * gets them here.
 */
import type { ActivityType } from '../../shared/phases';
import type { ActivityData } from '../../shared/schemas';
import { t } from '../i18n';

interface FieldSpec {
  name: 'subject' | 'outcome' | 'amount' | 'currency' | 'version' | 'reference' | 'date' | 'paid' | 'onTime';
  kind?: 'text' | 'number' | 'date' | 'checkbox';
  placeholder?: () => string;
  /** a checkbox ticked to begin with */
  checked?: boolean;
}

const subject: FieldSpec = { name: 'subject', placeholder: () => t('description') };
const outcome: FieldSpec = { name: 'outcome', placeholder: () => t('outcome') };
const amount: FieldSpec = { name: 'amount', kind: 'number', placeholder: () => t('amount') };
const date: FieldSpec = { name: 'date', kind: 'date', placeholder: () => t('date') };

const FIELDS: Partial<Record<ActivityType, FieldSpec[]>> = {
  quote: [amount, { name: 'currency', placeholder: () => 'EUR' }, { name: 'version', placeholder: () => t('version') }, date],
  confirmation: [{ name: 'reference', placeholder: () => t('reference') }, date],
  invoice: [amount, date, { name: 'paid', kind: 'checkbox', placeholder: () => t('paid') }],
  // the company referred to is the activity's subject, and its data
  referral: [{ name: 'subject', placeholder: () => t('referredCompany') }],
  call: [subject, outcome],
  meeting: [subject, outcome],
  visit: [subject, outcome],
  delivery: [subject, { name: 'onTime', kind: 'checkbox', placeholder: () => t('onTime'), checked: true }],
};

const fieldsOf = (type: ActivityType | null) => (type && FIELDS[type]) || [subject];

function Field({ spec }: { spec: FieldSpec }) {
  const placeholder = spec.placeholder?.() ?? '';
  if (spec.kind === 'checkbox') {
    return (
      <label class="inline">
        <input type="checkbox" name={spec.name} defaultChecked={spec.checked} /> {placeholder}
      </label>
    );
  }
  // preact's input types discriminate on a literal `type`; ours is chosen at run time
  const type = spec.kind ?? 'text';
  const props = { name: spec.name, type, placeholder, 'aria-label': placeholder, maxLength: 500, step: type === 'number' ? 'any' : undefined } as object;
  return <input {...props} />;
}

/** The inputs for an activity of this type. */
export function ActivityFields({ type }: { type: ActivityType | null }) {
  return (
    <>
      {fieldsOf(type).map((spec) => (
        <Field key={spec.name} spec={spec} />
      ))}
    </>
  );
}

/** What the inputs of ActivityFields say, as the activity's subject, time and data. */
export function readActivity(type: ActivityType, form: HTMLFormElement): { subject?: string; occurredAt?: number; data: ActivityData } {
  const input = (n: string) => form.elements.namedItem(n) as HTMLInputElement | null;
  const v = (n: string) => input(n)?.value.trim() ?? '';
  const number = v('amount') ? Number(v('amount')) : Number.NaN;
  const data: ActivityData = {
    ...(Number.isFinite(number) ? { amount: number } : {}),
    ...(v('currency') ? { currency: v('currency').toUpperCase() } : {}),
    ...(v('version') ? { version: v('version') } : {}),
    ...(v('reference') ? { reference: v('reference') } : {}),
    ...(v('outcome') ? { outcome: v('outcome') } : {}),
    ...(input('paid') ? { paid: input('paid')!.checked } : {}),
    ...(input('onTime') ? { onTime: input('onTime')!.checked } : {}),
    ...(type === 'referral' && v('subject') ? { referredCompany: v('subject') } : {}),
    // a new complaint gets its id here, so that its resolution can name it
    ...(type === 'complaint_opened' ? { complaintId: crypto.randomUUID() } : {}),
  };
  return { subject: v('subject') || undefined, occurredAt: v('date') ? Date.parse(v('date')) : undefined, data };
}
