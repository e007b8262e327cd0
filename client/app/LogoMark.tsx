/** The product mark: two chevrons pointing up (推进, "push forward"). */
export function LogoMark({ size = 32, inverse = false }: { size?: number; inverse?: boolean }) {
  return (
    <svg
      className={inverse ? "logo-mark logo-mark--inverse" : "logo-mark"}
      width={size}
      height={size}
      viewBox="0 0 32 32"
      aria-hidden="true"
    >
      <rect className="logo-mark__tile" width="32" height="32" rx="7" />
      <path
        className="logo-mark__chevrons"
        d="M9 24l7-7 7 7M9 15l7-7 7 7"
        strokeWidth="3"
        fill="none"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
