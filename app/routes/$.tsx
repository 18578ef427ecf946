import { notFound } from "~/lib/http.server";

/** Every unknown URL: a 404 rendered by the root error boundary in Vietnamese. */
export const loader = () => {
  throw notFound();
};

export default function NotFound() {
  return null;
}
