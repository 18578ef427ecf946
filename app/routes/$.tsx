import { json } from "@remix-run/node";

/** Every unknown URL: a 404 rendered by the root error boundary in Vietnamese. */
export const loader = () => {
  throw json({ code: "not_found" }, { status: 404 });
};

export default function NotFound() {
  return null;
}
