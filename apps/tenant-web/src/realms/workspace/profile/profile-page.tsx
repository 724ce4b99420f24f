import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/states';
import { EmailForm, NameForm, PasswordForm } from './profile-forms';
import { SessionsList } from './sessions-card';

function ProfileCard({ title, description, children, testId }: { title: string; description: string; children: ReactNode; testId: string }) {
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

/** /profile: the signed-in member's name, e-mail, password and sessions. */
export function ProfilePage() {
  return (
    <>
      <PageHeader title="Your profile" description="How you appear to your team, how you sign in, and where you are signed in." />
      <div className="grid gap-6 lg:grid-cols-2">
        <ProfileCard title="Name" description="Shown to your team and on what you share." testId="profile-name-card">
          <NameForm />
        </ProfileCard>
        <ProfileCard title="E-mail address" description="Where sign-in links, invitations and reports go." testId="profile-email-card">
          <EmailForm />
        </ProfileCard>
        <ProfileCard title="Password" description="Changing it logs out every other session." testId="profile-password-card">
          <PasswordForm />
        </ProfileCard>
        <ProfileCard title="Sessions" description="Browsers and devices signed in to this workspace as you." testId="profile-sessions-card">
          <SessionsList />
        </ProfileCard>
      </div>
    </>
  );
}
