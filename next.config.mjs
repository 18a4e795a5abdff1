/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ws", "@neondatabase/serverless"],
  poweredByHeader: false,
  experimental: { authInterrupts: true },
};
export default nextConfig;
