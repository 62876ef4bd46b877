#!/bin/sh
echo "keep ${{ values.name }} (v2)"
