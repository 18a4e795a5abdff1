import type { MetadataRoute } from "next";

/** Served at /manifest.webmanifest (Next links it from every page): Baton installs as an app, so pushes open it full-screen. */
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/",
    name: "Baton",
    short_name: "Baton",
    description: "On-call, escalations and incidents: get paged, acknowledge, hand over.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    orientation: "any",
    background_color: "#f8fafc",
    theme_color: "#4f46e5",
    categories: ["business", "productivity", "utilities"],
    icons: [
      { src: "/icons/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
