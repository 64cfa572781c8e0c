import { useTranslations } from "next-intl";
import Link from "next/link";

export default function NotFound() {
  const t = useTranslations("chrome");
  return (
    <main id="main" className="page">
      <h1>{t("notFound")}</h1>
      <p>
        <Link href="/">{t("home")}</Link>
      </p>
    </main>
  );
}
