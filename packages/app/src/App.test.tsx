import { describe, expect, it } from 'vitest';
import { render, waitFor } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('renders', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: 'http://localhost:7007' },
          },
          context: 'test',
        },
      ] as any,
    };

    const rendered = render(App.createRoot());

    await waitFor(() => {
      expect(rendered.baseElement).toBeInTheDocument();
    });
    // Nobody is signed in yet: the sign-in page offers both demo identities.
    expect(
      await rendered.findByRole(
        'button',
        { name: 'Enter as Guest' },
        { timeout: 15_000 },
      ),
    ).toBeInTheDocument();
    expect(
      rendered.getByRole('button', { name: 'Enter as Erin Evans' }),
    ).toBeInTheDocument();
    expect(rendered.getByText('member of sales-team')).toBeInTheDocument();
    expect(rendered.getByText('member of marketing-team')).toBeInTheDocument();
  });
});
