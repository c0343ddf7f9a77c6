import { useState } from 'react';
import { useI18n } from '../../app/i18n/index.tsx';
import { useTenant } from '../../app/tenant.tsx';
import { PushToggle } from '../../components/PushToggle.tsx';

const KEY = 'yakuba.push.personal';

/** The account's "notifications on this phone" switch: reminders of bookings, news of applications. */
export function DeviceNotifications() {
  const { t } = useI18n();
  const { slug } = useTenant();
  // The server keeps the subscription; this browser only remembers that it asked, to label the button.
  const [on, setOn] = useState(() => localStorage.getItem(`${KEY}.${slug}`) === '1');
  const change = (value: boolean) => { localStorage.setItem(`${KEY}.${slug}`, value ? '1' : '0'); setOn(value); };
  return (
    <section aria-labelledby="device-notifications" className="mb-8">
      <h2 id="device-notifications" className="mb-2 text-std-20B-150">{t('push.title')}</h2>
      <p className="mb-3 text-std-16N-170">{t('push.lead')}</p>
      <PushToggle slug={slug} on={on} onChange={change} />
    </section>
  );
}
