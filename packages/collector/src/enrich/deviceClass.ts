export type DeviceClass = 'mobile' | 'tablet' | 'desktop';

/**
 * Device class from the user agent. iPadOS 13+ Safari sends a desktop macOS UA by default,
 * so those iPads count as desktop: the UA carries nothing else to tell them apart.
 */
export function deviceClass(userAgent: string): DeviceClass | undefined {
  if (!userAgent) return undefined;
  if (/iPad|Tablet|PlayBook|Silk|Kindle|Nexus (7|9|10)|SM-T\d|Android(?!.*Mobile)/i.test(userAgent)) return 'tablet';
  if (/Mobi|iPhone|iPod|Android|Windows Phone|BlackBerry|BB10|Opera Mini|IEMobile/i.test(userAgent)) return 'mobile';
  return 'desktop';
}
