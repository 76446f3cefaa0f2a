import { useMutation, useQueryClient } from '@tanstack/react-query';
import { CategorySchema, type CreateDelegationBody, type Delegation } from '@roundtable/shared';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../ui/ErrorAlert';
import { focusOnMount } from '../ui/focusOnMount';
import { fieldErrorsOf } from '../ui/errors';
import { Field } from '../ui/Field';
import { FormActions } from '../ui/FormActions';
import { Loading } from '../ui/Loading';
import { consoleKeys } from './api/keys';
import { useDelegations } from './api/queries';
import { createDelegation, deleteDelegation, updateDelegation } from './api/rooms';
import { useConsoleEvent } from './ConsoleEventLayout';
import { EditDeleteCell } from './fields';
import { formText } from '../ui/formText';
import { Localized, useTextIn } from '../i18n/Localized';
import { BilingualField } from './BilingualField';

const FIELDS = ['side', 'category', 'name', 'name.en', 'name.ja'] as const;

/** Delegations: a side (country or party) × a category, e.g. "Japan — Government". */
export function DelegationsPanel() {
  const { t } = useTranslation();
  const textIn = useTextIn();
  const event = useConsoleEvent();
  const queryClient = useQueryClient();
  const [editingId, setEditingId] = useState<string | null>(null);
  const delegations = useDelegations(event.id);
  // Members and rooms show delegation names too: refresh the whole event.
  const refresh = () => queryClient.invalidateQueries({ queryKey: consoleKeys.event(event.id) });
  const create = useMutation({
    mutationFn: (body: CreateDelegationBody) => createDelegation(event.id, body),
  });
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: CreateDelegationBody }) => updateDelegation(id, body),
    onSuccess: async () => {
      setEditingId(null);
      await refresh();
    },
  });
  const remove = useMutation({ mutationFn: deleteDelegation, onSuccess: refresh });

  function handleCreate(body: CreateDelegationBody, form: HTMLFormElement) {
    create.mutate(body, {
      onSuccess: () => {
        form.reset();
        void refresh();
      },
    });
  }

  return (
    <section aria-labelledby="delegations-heading">
      <h2 id="delegations-heading">{t('console.tabs.delegations')}</h2>
      {delegations.isPending && <Loading />}
      <ErrorAlert error={delegations.error ?? remove.error} />
      {delegations.data?.length === 0 && <p>{t('console.noDelegations')}</p>}
      {delegations.data && delegations.data.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('delegation.name')}</th>
              <th scope="col">{t('delegation.side')}</th>
              <th scope="col">{t('delegation.category')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {delegations.data.map((delegation) => (
              <tr key={delegation.id}>
                <th scope="row">
                  <Localized text={delegation.name} />
                </th>
                <td>{delegation.side}</td>
                <td>{t(`categories.${delegation.category}`)}</td>
                <EditDeleteCell
                  name={textIn(delegation.name)}
                  onEdit={() => setEditingId(delegation.id)}
                  onDelete={() => remove.mutate(delegation.id)}
                />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {delegations.data
        ?.filter((delegation) => delegation.id === editingId)
        .map((delegation) => (
          <DelegationForm
            key={delegation.id}
            heading={t('console.editNamed', { name: delegation.name })}
            initial={delegation}
            submitLabel={t('common.save')}
            pending={update.isPending}
            error={update.error}
            onSubmit={(body) => update.mutate({ id: delegation.id, body })}
            onCancel={() => setEditingId(null)}
            autoFocus
          />
        ))}
      <DelegationForm
        heading={t('console.addDelegation')}
        submitLabel={t('console.addDelegation')}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body, form) => handleCreate(body, form)}
      />
    </section>
  );
}

interface DelegationFormProps {
  heading: string;
  initial?: Delegation;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateDelegationBody, form: HTMLFormElement) => void;
  onCancel?: () => void;
  /** Focus the heading on mount (forms opened by an Edit button). */
  autoFocus?: boolean;
}

function DelegationForm({
  heading,
  initial,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  autoFocus,
}: DelegationFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const fieldErrors = fieldErrorsOf(error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const text = formText(form);
    const name = { en: text('name.en').trim(), ja: text('name.ja').trim() };
    onSubmit(
      {
        side: text('side'),
        category: CategorySchema.parse(text('category')),
        ...(name.en || name.ja ? { name } : {}),
      },
      form,
    );
  }

  return (
    <form onSubmit={handleSubmit} aria-labelledby={headingId} className="inline-form">
      <h3 id={headingId} ref={autoFocus ? focusOnMount : undefined} tabIndex={-1}>
        {heading}
      </h3>
      <ErrorAlert error={error} fields={FIELDS} />
      <Field
        label={t('delegation.side')}
        name="side"
        error={fieldErrors['side']}
        hint={t('delegation.sideHint')}
      >
        {(control) => <input {...control} required defaultValue={initial?.side} />}
      </Field>
      <Field label={t('delegation.category')} name="category" error={fieldErrors['category']}>
        {(control) => (
          <select {...control} defaultValue={initial?.category ?? 'government'}>
            {CategorySchema.options.map((category) => (
              <option key={category} value={category}>
                {t(`categories.${category}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <BilingualField
        label={t('delegation.name')}
        name="name"
        fieldErrors={fieldErrors}
        hint={t('delegation.nameHint')}
        defaultValue={initial?.name}
      />
      <FormActions submitLabel={submitLabel} pending={pending} onCancel={onCancel} />
    </form>
  );
}
