import type { MetadataRoute } from "next";
import { messagesFor } from "@/lib/i18n/messages";

// The install name is the neutral page title (confidentiality rule 1): an icon
// on a shared phone's home screen must not say what this site is about.
export default function manifest(): MetadataRoute.Manifest {
  const title = messagesFor("en").meta.title;
  return {
    name: title,
    short_name: title,
    start_url: "/",
    display: "browser",
    background_color: "#ffffff",
    theme_color: "#1f5f8b",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
