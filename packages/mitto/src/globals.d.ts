declare const __PACKAGE_VERSION__: string;
declare const __PACKAGE_NAME__: string;
