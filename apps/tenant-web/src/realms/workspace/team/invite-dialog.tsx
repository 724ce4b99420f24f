import { useState, type ReactNode } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import type { z } from 'zod';
import { assignableRoles } from '@instagrowth/authz';
import { inviteSchema, type InvitationView, type Role } from '@instagrowth/contracts';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { toast } from '@/components/ui/toaster';
import { Field, describedBy } from '@/components/field';
import { FormField } from '@/components/form-field';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { applyApiFieldErrors } from '@/lib/forms';
import { api } from '@/lib/session';
import type { ListResponse } from '@/lib/types';
import { invitationsQueryKey } from './queries';

type FormInput = z.input<typeof inviteSchema>;
type FormOutput = z.output<typeof inviteSchema>;
type InvitableRole = Exclude<Role, 'owner'>;

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: 'Everything, including billing, branding and ownership.',
  admin: 'Manages the workspace, team and every account. No billing.',
  manager: 'Works on the clients and accounts assigned to them.',
  client: 'Read-only portal for their own accounts; approves content.',
};

export const ROLE_LABELS: Record<Role, string> = { owner: 'Owner', admin: 'Admin', manager: 'Manager', client: 'Client' };

export function InviteDialog({ myRole, trigger }: { myRole: Role; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const roles = assignableRoles(myRole).filter((r): r is InvitableRole => r !== 'owner');
  const defaultRole: InvitableRole = roles.includes('manager') ? 'manager' : (roles[0] ?? 'client');

  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(inviteSchema), defaultValues: { email: '', role: defaultRole } });
  const { control, handleSubmit, setError, clearErrors, reset, formState: { errors } } = form;

  const invite = useMutation({
    mutationFn: (values: FormOutput) => api.call('POST /api/team/invitations', { body: values }),
    onSuccess: (invitation) => {
      queryClient.setQueryData<ListResponse<InvitationView>>(invitationsQueryKey, (old) =>
        old ? { data: [invitation, ...old.data.filter((i) => i.id !== invitation.id)] } : old,
      );
      void queryClient.invalidateQueries({ queryKey: invitationsQueryKey });
      toast({ variant: 'success', title: 'Invitation sent', description: `${invitation.email} will get an email with a link to join.` });
      setOpen(false);
      reset({ email: '', role: defaultRole });
    },
    onError: (error) => applyApiFieldErrors(error, setError, ['email', 'role']),
  });

  // Every opening and every attempt starts clean: no error from an earlier attempt stays on screen.
  function onOpenChange(next: boolean) {
    if (invite.isPending) return;
    setOpen(next);
    reset({ email: '', role: defaultRole });
    invite.reset();
  }

  function submit(values: FormOutput) {
    invite.reset();
    clearErrors();
    invite.mutate(values);
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <UserPlus /> Invite member
          </Button>
        )}
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Invite a team member</DialogTitle>
          <DialogDescription>They will get an email with a link to join this workspace. The link expires after a few days.</DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={(event) => {
            // Also when the new attempt fails validation in the browser: the old API error goes.
            invite.reset();
            return handleSubmit(submit)(event);
          }}
        >
          <ApiErrorAlert error={invite.error} />
          <FormField form={form} name="email" id="invite-email" label="Email" type="email" autoComplete="off" placeholder="name@company.com" autoFocus />
          <Controller
            control={control}
            name="role"
            render={({ field }) => (
              <Field id="invite-role" label="Role" error={errors.role?.message} hint={ROLE_DESCRIPTIONS[field.value]}>
                <Select value={field.value} onValueChange={(v) => field.onChange(v as InvitableRole)} name={field.name}>
                  <SelectTrigger
                    id="invite-role"
                    ref={field.ref}
                    onBlur={field.onBlur}
                    aria-invalid={!!errors.role}
                    aria-describedby={describedBy('invite-role', errors.role, true)}
                  >
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {roles.map((role) => (
                      <SelectItem key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              </Field>
            )}
          />
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)} disabled={invite.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={invite.isPending}>
              Send invitation
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
