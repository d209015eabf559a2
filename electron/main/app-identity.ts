/**
 * Who the app is to the operating system. electron-builder.yml's `appId` must be the same string
 * (test/integration/packaging-config.test.ts checks it): Windows files notifications under it, and a
 * shortcut made by the installer with another id would show them under "electron.app.Electron".
 */
export const APP_ID = 'com.fleetmonitor.desk'
export const PRODUCT_NAME = 'Fleet Monitor'
