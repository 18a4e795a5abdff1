/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pg", "ws", "@neondatabase/serverless"],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
