@echo off
rem The project's front door on Windows. Double-click it to build the site, or type "ita VERB" in
rem this folder (cmd.exe; PowerShell: .\ita VERB); "ita --help" lists the verbs. It finds Python and
rem runs hooks\ita.py, which sets up .venv by itself. Lines before "chcp 65001" stay ASCII: cmd.exe
rem reads each line in the code page in force when it reaches it.
setlocal
for /f "tokens=2 delims=:." %%c in ('chcp') do set "ITA_OLD_CODEPAGE=%%c"
chcp 65001 >nul
set "PYTHONUTF8=1"
set "ITA_PYTHON="
rem The py launcher comes with python.org's installer and picks the newest Python; "python" is the
rem one on PATH. Microsoft Store's stand-in "python" only opens the Store, so each is tried first.
py -3 -c "import sys" >nul 2>&1 && set "ITA_PYTHON=py -3"
if not defined ITA_PYTHON python -c "import sys" >nul 2>&1 && set "ITA_PYTHON=python"
if not defined ITA_PYTHON goto no_python
if "%~1"=="" goto double_clicked
%ITA_PYTHON% "%~dp0hooks\ita.py" %*
set "ITA_STATUS=%ERRORLEVEL%"
goto done

:double_clicked
rem Opened from Explorer: build the demo or the office's data into site\, then keep the window open.
cd /d "%~dp0"
%ITA_PYTHON% "%~dp0hooks\ita.py" site
set "ITA_STATUS=%ERRORLEVEL%"
echo.
if "%ITA_STATUS%"=="0" echo เว็บไซต์อยู่ในโฟลเดอร์ site (เปิด site\index.html) / The site is in the folder site (open site\index.html)
pause
goto done

:no_python
echo ไม่พบ Python: ติดตั้ง Python 3.11 ขึ้นไปจาก https://www.python.org/downloads/
echo   ในหน้าแรกของตัวติดตั้งให้ติ๊ก "Add python.exe to PATH" แล้วเปิดหน้าต่างนี้ใหม่
echo Python was not found: install Python 3.11 or newer from https://www.python.org/downloads/
echo   and tick "Add python.exe to PATH" on the installer's first page, then open this window again.
set "ITA_STATUS=9009"
if "%~1"=="" pause

:done
chcp %ITA_OLD_CODEPAGE% >nul
endlocal & exit /b %ITA_STATUS%
