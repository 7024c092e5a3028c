// Sun, moon and screen for the theme picker, drawn like renderer/ui/Icon (24×24, currentColor).
const PATHS = {
  system: 'M3 5h18v11H3zM8 20h8M12 16v4',
  light: 'M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4',
  dark: 'M20 14.5A8 8 0 0 1 9.5 4 8 8 0 1 0 20 14.5z',
} as const;

export function ThemeIcon({ theme }: { theme: keyof typeof PATHS }) {
  return (
    <svg width={20} height={20} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d={PATHS[theme]} />
    </svg>
  );
}
