/** Line icons (24×24, stroke = currentColor), drawn for the portal: no icon font, nothing fetched. */
const paths = {
  school: "M3 10l9-5 9 5M5 10v9h14v-9M9 19v-5h6v5M3 19h18",
  employer: "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
  graduate: "M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6",
  verify:
    "M7 3h10a1 1 0 0 1 1 1v16a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zM9 8h2v2H9zM13 8h2v2h-2zM9 12h2v2H9zM13 13l1 1 2-2",
  ministry: "M3 9l9-5 9 5M4 9h16M6 9v8M10 9v8M14 9v8M18 9v8M3 20h18M4 17h16",
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name, size = 32 }: { name: IconName; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.6}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[name]} />
    </svg>
  );
}
