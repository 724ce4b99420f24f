import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '@/app/status-pages';
import { LandingPage } from './landing-page';
import { SignupPage } from './signup-page';
import { FindWorkspacePage } from './find-workspace-page';
import { PricingPage } from './pricing/pricing-page';

/** Root realm (the base domain): marketing, pricing and sign-up. */
export default function RootApp() {
  return (
    <Routes>
      <Route path="/" element={<LandingPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route path="/pricing" element={<PricingPage />} />
      <Route path="/login" element={<FindWorkspacePage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
